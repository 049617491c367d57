import type { Response } from 'express';
import { faultOf, type DomainError } from '@members/api';

/**
 * What every error response does before its body, whatever its surface: a 5xx leaves its fault for the request
 * log (`res.locals.fault`), and an error to retry says when (`Retry-After`).
 */
export function noteError(res: Response, error: DomainError): void {
  if (error.status >= 500) res.locals.fault = faultOf(error);
  if (error.retryAfter !== undefined) res.set('Retry-After', String(error.retryAfter));
}
