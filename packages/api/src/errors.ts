import { TRPCError } from '@trpc/server';
import { errorStatus, type ErrorCode, type ErrorIssue } from '@members/contracts';

type TRPCCode = TRPCError['code'];

const trpcCodeFor: Record<ErrorCode, TRPCCode> = {
  invalid_json: 'PARSE_ERROR',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  payload_too_large: 'PAYLOAD_TOO_LARGE',
  validation_failed: 'UNPROCESSABLE_CONTENT',
  unknown_plan: 'UNPROCESSABLE_CONTENT',
  rate_limited: 'TOO_MANY_REQUESTS',
  internal_error: 'INTERNAL_SERVER_ERROR',
  unavailable: 'SERVICE_UNAVAILABLE',
};

/**
 * An error the caller caused, with a stable code. It is a TRPCError so tRPC serves it with the right status
 * unchanged, and the REST adapter renders it in each surface's body from `code`, `issues` and `retryAfter`.
 */
export class AppError extends TRPCError {
  readonly appCode: ErrorCode;
  readonly issues: ErrorIssue[];
  /** Seconds, for 429. */
  readonly retryAfter: number | undefined;

  constructor(appCode: ErrorCode, message: string, options: { issues?: ErrorIssue[]; retryAfter?: number } = {}) {
    super({ code: trpcCodeFor[appCode], message });
    this.name = 'AppError';
    this.appCode = appCode;
    this.issues = options.issues ?? [];
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorStatus[this.appCode];
  }
}

export const notFound = (message: string) => new AppError('not_found', message);
export const conflict = (message: string) => new AppError('conflict', message);

/** One field of the input breaks a rule of ours; reported like a validation issue, at that field. */
export const invalidField = (field: string, message: string, issueMessage = message) =>
  new AppError('validation_failed', message, { issues: [{ path: [field], message: issueMessage }] });
