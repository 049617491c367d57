import type { DomainError } from '@members/api';
import {
  casings,
  surfaceCasing,
  type ErrorCode,
  type PolarErrorName,
  type PolarValidationIssue,
} from '@members/contracts';
import { headerErrors, type ErrorRequest, type Surface } from '../surface.js';
import { validationDetail } from './validation-detail.js';
import { polarVersionCheck, polarVersionHeader } from './api-version.js';

/**
 * Polar's name for each error code. A `Record` over every code: a new code does not compile until it has its name
 * here. The 422s are pydantic's `RequestValidationError`, with `detail` listing the problems.
 */
const polarNames: Record<ErrorCode, PolarErrorName | 'RequestValidationError'> = {
  invalid_json: 'RequestValidationError',
  bad_request: 'BadRequest',
  unauthorized: 'Unauthorized',
  forbidden: 'NotPermitted',
  not_found: 'ResourceNotFound',
  event_id_expired: 'ResourceNotFound',
  method_not_allowed: 'MethodNotAllowed',
  conflict: 'Conflict',
  idempotency_key_in_use: 'Conflict',
  payload_too_large: 'PayloadTooLarge',
  unsupported_media_type: 'UnsupportedMediaType',
  validation_failed: 'RequestValidationError',
  unknown_plan: 'RequestValidationError',
  idempotency_key_reused: 'RequestValidationError',
  rate_limited: 'TooManyRequests',
  internal_error: 'InternalServerError',
  unavailable: 'ServiceUnavailable',
};

/** Nothing to quote or locate: an error met outside a route. */
const noRequest: ErrorRequest = {
  wire: { body: undefined, query: {}, path: {} },
  locate: (field) => ({ source: 'body', key: field }),
};

/** FastAPI's answer to a body it cannot decode. */
const invalidJson: PolarValidationIssue[] = [
  { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {} },
];

/** Polar's body of an error: its name and `detail`, with `loc` naming the field where it was sent for a 422. */
function polarBody(error: DomainError, request: ErrorRequest) {
  const name = polarNames[error.code];
  if (name === 'RequestValidationError') {
    const detail = error.code === 'invalid_json' ? invalidJson : validationDetail(error.issues, request);
    return { status: 422, body: { error: name, detail } };
  }
  // A fault of ours says nothing of itself; Polar's 401 says only that.
  const detail =
    name === 'InternalServerError' ? 'Internal Server Error' : name === 'Unauthorized' ? name : error.message;
  return { status: error.status, body: { error: name, detail } };
}

const casing = casings[surfaceCasing.polar];

/**
 * Polar: snake_case on the wire. A body or query key that is not snake_case (`customerId`) is not a Polar field,
 * so it is dropped, as Polar ignores unknown fields, rather than accepted under another name.
 */
export const polarSurface: Surface = {
  name: 'polar',
  prefixes: ['/v1'],
  casing,
  body: casing.toWire,
  render(error, request = noRequest) {
    const { status, body } = polarBody(error, request);
    return { status, body, ...(status === 401 ? { headers: { 'WWW-Authenticate': 'Bearer' } } : {}) };
  },
};
polarSurface.checks = [polarVersionCheck(headerErrors(polarSurface, polarVersionHeader))];
