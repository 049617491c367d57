import type { ErrorRequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { PolarValidationIssue } from '@members/contracts';
import { toFailure, type Failure } from '../failure.js';
import { detailFromIssues, detailFromZod, type WireInputs, type WireOrigin } from './validation-detail.js';

type PolarError = z.infer<typeof import('@members/contracts').polarErrorBody>['error'];

const namedErrors: Partial<Record<Failure['code'], PolarError>> = {
  unauthorized: 'Unauthorized',
  forbidden: 'NotPermitted',
  not_found: 'ResourceNotFound',
  conflict: 'Conflict',
  payload_too_large: 'PayloadTooLarge',
  rate_limited: 'TooManyRequests',
};

/** Renders any error of a Polar route exactly as Polar does. */
export function sendPolarError(
  res: Response,
  error: unknown,
  origin: (inputKey: string) => WireOrigin,
  wire: WireInputs,
) {
  const failure = toFailure(error);
  if (failure.status >= 500) console.error(error);
  if (failure.retryAfter !== undefined) res.set('Retry-After', String(failure.retryAfter));

  if (failure.code === 'invalid_json') {
    const detail: PolarValidationIssue[] = [
      { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {} },
    ];
    res.status(422).json({ error: 'RequestValidationError', detail });
    return;
  }
  if (failure.status === 422) {
    const detail = failure.zodError
      ? detailFromZod(failure.zodError, origin, wire)
      : detailFromIssues(failure.issues, origin, wire);
    res.status(422).json({ error: 'RequestValidationError', detail });
    return;
  }
  if (failure.code === 'unauthorized') {
    res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'Unauthorized', detail: 'Unauthorized' });
    return;
  }
  const name = namedErrors[failure.code];
  if (name) {
    res.status(failure.status).json({ error: name, detail: failure.message });
    return;
  }
  res.status(500).json({ error: 'InternalServerError', detail: 'Internal Server Error' });
}

/** Errors raised before a route runs: a body that is not JSON, or one over the limit. */
export const polarBodyErrors: ErrorRequestHandler = (error, req, res, _next) => {
  sendPolarError(res, error, (key) => ({ source: 'body', key }), { body: undefined, query: req.query, path: {} });
};
