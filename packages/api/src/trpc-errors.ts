import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { ErrorCode, ErrorIssue } from '@members/contracts';
import { isDatabaseUnavailable, UniqueConstraintViolationException } from '@members/db';
import { DomainError } from './errors.js';

type TRPCCode = TRPCError['code'];

/** The tRPC code of each error code: tRPC derives the same HTTP status from it that `errorStatus` gives. */
export const trpcCodeFor: Record<ErrorCode, TRPCCode> = {
  invalid_json: 'PARSE_ERROR',
  bad_request: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  method_not_allowed: 'METHOD_NOT_SUPPORTED',
  conflict: 'CONFLICT',
  idempotency_key_in_use: 'CONFLICT',
  payload_too_large: 'PAYLOAD_TOO_LARGE',
  unsupported_media_type: 'UNSUPPORTED_MEDIA_TYPE',
  validation_failed: 'UNPROCESSABLE_CONTENT',
  unknown_plan: 'UNPROCESSABLE_CONTENT',
  idempotency_key_reused: 'UNPROCESSABLE_CONTENT',
  rate_limited: 'TOO_MANY_REQUESTS',
  internal_error: 'INTERNAL_SERVER_ERROR',
  unavailable: 'SERVICE_UNAVAILABLE',
};

/** For errors tRPC raises itself (an unknown procedure, a body that is not JSON): the error code they stand for. */
export function errorCodeOf(code: TRPCCode): ErrorCode | null {
  const entry = Object.entries(trpcCodeFor).find(([, trpcCode]) => trpcCode === code);
  return entry ? (entry[0] as ErrorCode) : null;
}

export function zodIssues(error: ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}

/** What a procedure failed with, as the domain sees it: a DomainError, or null for a fault of ours. */
export function domainErrorOf(cause: unknown): DomainError | null {
  if (cause instanceof DomainError) return cause;
  if (cause instanceof ZodError) {
    const issues = zodIssues(cause);
    // The ZodError stays as the cause: Polar reports each issue with its own type and input.
    return new DomainError('validation_failed', `The request is invalid: ${issues.length} problem(s)`, {
      issues,
      cause,
    });
  }
  // The services lock before they check, so this is a backstop: a write that lost a race to a unique key is the
  // caller's conflict to retry, never a 500.
  if (cause instanceof UniqueConstraintViolationException) {
    return new DomainError('conflict', 'The request conflicts with a concurrent change; retry it');
  }
  if (isDatabaseUnavailable(cause)) {
    return new DomainError('unavailable', 'The database is unreachable; retry shortly', { retryAfter: 5, cause });
  }
  return null;
}

/** The one place domain errors become tRPC errors; the REST surfaces read the DomainError back from `cause`. */
export function toTRPCError(error: TRPCError): TRPCError {
  if (error.cause instanceof DomainError) {
    return error.code === trpcCodeFor[error.cause.code] ? error : asTRPCError(error.cause);
  }
  const domain = domainErrorOf(error.cause);
  return domain ? asTRPCError(domain) : error;
}

export const asTRPCError = (domain: DomainError) =>
  new TRPCError({ code: trpcCodeFor[domain.code], message: domain.message, cause: domain });

/** `Retry-After` for a tRPC response that was rate limited. */
export function retryAfterOf(errors: readonly TRPCError[]): number | undefined {
  for (const error of errors) {
    if (error.cause instanceof DomainError && error.cause.retryAfter !== undefined) return error.cause.retryAfter;
  }
  return undefined;
}
