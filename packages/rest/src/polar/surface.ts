import type { Response } from 'express';
import type { z } from 'zod';
import { fromWire, isPlainObject, toSnake, toWire, type PolarValidationIssue } from '@members/contracts';
import { toFailure, type Failure } from '../failure.js';
import type { Locate, Surface, WireInputs } from '../surface.js';
import { detailFromIssues, detailFromZod } from './validation-detail.js';

type PolarError = z.infer<typeof import('@members/contracts').polarErrorBody>['error'];

const namedErrors: Partial<Record<Failure['code'], PolarError>> = {
  bad_request: 'BadRequest',
  unauthorized: 'Unauthorized',
  forbidden: 'NotPermitted',
  not_found: 'ResourceNotFound',
  method_not_allowed: 'MethodNotAllowed',
  conflict: 'Conflict',
  idempotency_key_in_use: 'Conflict',
  payload_too_large: 'PayloadTooLarge',
  unsupported_media_type: 'UnsupportedMediaType',
  rate_limited: 'TooManyRequests',
  unavailable: 'ServiceUnavailable',
};

/** Renders any error of a Polar route exactly as Polar does, with `loc` naming the field where it was sent. */
function sendPolarError(res: Response, error: unknown, locate: Locate, wire: WireInputs) {
  const failure = toFailure(error);
  if (failure.status >= 500) res.locals.fault = error;
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
      ? detailFromZod(failure.zodError, locate, wire)
      : detailFromIssues(failure.issues, locate, wire);
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

/**
 * Polar: snake_case on the wire. A body or query key that is not snake_case (`customerId`) is not a Polar field,
 * so it is dropped, as Polar ignores unknown fields, rather than accepted under another name.
 */
export const polarSurface: Surface = {
  name: 'polar',
  prefixes: ['/v1'],
  wireName: toSnake,
  fields: (wire) => {
    const fields = fromWire(wire);
    return isPlainObject(fields) ? fields : {};
  },
  body: toWire,
  sendError: sendPolarError,
  requestErrors: (error, req, res, _next) => {
    sendPolarError(res, error, (key) => ({ source: 'body', key }), { body: undefined, query: {}, path: {} });
  },
  notFound: (req, res) => {
    res.status(404).json({ error: 'ResourceNotFound', detail: `No route ${req.method} ${req.path}` });
  },
};
