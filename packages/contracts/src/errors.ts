import { z } from 'zod';

/**
 * Every error a caller can cause, with the HTTP status it is served with. tRPC callers find the code in
 * `error.data.appCode`; the REST layer renders it in each surface's own body.
 */
export const errorStatus = {
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** A `lastEventId` or `after` the event log no longer holds (or never held): read the state again. */
  event_id_expired: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_in_use: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  unknown_plan: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;
export const errorCode = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

/** One problem with the input, located by its path in the body (or query) as the caller sent it. */
export const errorIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof errorIssue>;

/** Kardow surface: `{"error": {"code", "message", "issues"}}`. */
export const kardowErrorBody = z
  .object({
    error: z.object({
      code: errorCode,
      message: z.string(),
      issues: z.array(errorIssue),
    }),
  })
  .meta({ id: 'KardowError' });
export type KardowErrorBody = z.infer<typeof kardowErrorBody>;

/** Polar surface: FastAPI's validation error, item by item. */
export const polarValidationIssue = z.object({
  type: z.string(),
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  input: z.unknown(),
});
export const polarValidationErrorBody = z
  .object({
    error: z.literal('RequestValidationError'),
    detail: z.array(polarValidationIssue),
  })
  .meta({ id: 'PolarValidationError' });
export const polarErrorBody = z
  .object({
    error: z.enum([
      'BadRequest',
      'ResourceNotFound',
      'Unauthorized',
      'NotPermitted',
      'MethodNotAllowed',
      'Conflict',
      'PayloadTooLarge',
      'UnsupportedMediaType',
      'TooManyRequests',
      'InternalServerError',
      'ServiceUnavailable',
    ]),
    detail: z.string(),
  })
  .meta({ id: 'PolarError' });
export type PolarValidationIssue = z.infer<typeof polarValidationIssue>;
export type PolarErrorName = z.infer<typeof polarErrorBody>['error'];

/** What tRPC callers find in `error.data` besides tRPC's own `code` and `httpStatus`. */
export interface TrpcErrorData {
  appCode: ErrorCode | null;
  issues: ErrorIssue[];
}
