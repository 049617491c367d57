import type { Response } from 'express';

/**
 * The id the request log gave the request (`X-Request-Id`, set on the response before any route runs), for the audit
 * trail to point at its log line; undefined where nothing set one (an app without the request log).
 */
export function requestIdOf(res: Response): string | undefined {
  const id = res.getHeader('x-request-id');
  return typeof id === 'string' ? id : undefined;
}
