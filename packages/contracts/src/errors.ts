import { z } from 'zod';

/**
 * Every error a caller can cause, with the HTTP status it is served with. tRPC callers find the code in
 * `error.data.appCode`; the REST layer renders it in each surface's own body.
 */
export const errorStatus = {
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  unknown_plan: 422,
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
export const kardowErrorBody = z.object({
  error: z.object({
    code: errorCode,
    message: z.string(),
    issues: z.array(errorIssue),
  }),
});
export type KardowErrorBody = z.infer<typeof kardowErrorBody>;

/** Polar surface: FastAPI's validation error, item by item. */
export const polarValidationIssue = z.object({
  type: z.string(),
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  input: z.unknown(),
});
export const polarValidationErrorBody = z.object({
  error: z.literal('RequestValidationError'),
  detail: z.array(polarValidationIssue),
});
export const polarErrorBody = z.object({
  error: z.enum([
    'ResourceNotFound',
    'Unauthorized',
    'NotPermitted',
    'Conflict',
    'PayloadTooLarge',
    'TooManyRequests',
    'InternalServerError',
  ]),
  detail: z.string(),
});
export type PolarValidationIssue = z.infer<typeof polarValidationIssue>;
