import type { Response } from 'express';
import type { z } from 'zod';
import type { DomainError } from '@members/api';
import { fromWire, isPlainObject, toSnake, toWire, type PolarValidationIssue } from '@members/contracts';
import { noteError } from '../error-response.js';
import { pathOf, type ErrorRequest, type Surface } from '../surface.js';
import { validationDetail } from './validation-detail.js';
import { polarVersionCheck } from './api-version.js';

type PolarError = z.infer<typeof import('@members/contracts').polarErrorBody>['error'];

const namedErrors: Partial<Record<DomainError['code'], PolarError>> = {
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

/** Nothing to quote or locate: an error met outside a route. */
const noRequest: ErrorRequest = {
  wire: { body: undefined, query: {}, path: {} },
  locate: (field) => ({ source: 'body', key: field }),
};

/** Renders any error of a Polar route exactly as Polar does, with `loc` naming the field where it was sent. */
function sendPolarError(res: Response, error: DomainError, request: ErrorRequest = noRequest) {
  noteError(res, error);

  if (error.code === 'invalid_json') {
    const detail: PolarValidationIssue[] = [
      { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {} },
    ];
    res.status(422).json({ error: 'RequestValidationError', detail });
    return;
  }
  if (error.status === 422) {
    res.status(422).json({ error: 'RequestValidationError', detail: validationDetail(error.issues, request) });
    return;
  }
  if (error.code === 'unauthorized') {
    res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'Unauthorized', detail: 'Unauthorized' });
    return;
  }
  const name = namedErrors[error.code];
  if (name) {
    res.status(error.status).json({ error: name, detail: error.message });
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
  notFound: (req, res) => {
    res.status(404).json({ error: 'ResourceNotFound', detail: `No route ${req.method} ${pathOf(req)}` });
  },
  checks: [polarVersionCheck(sendPolarError)],
};
