import { errorStatus, type ErrorCode, type ErrorIssue } from '@members/contracts';

/**
 * An error the caller caused (or an outage they should retry), with a stable code. It knows no transport: tRPC and
 * each REST surface map it once, and `errorStatus` gives its HTTP status on all of them alike.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  /** Seconds, for 429. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: ErrorIssue[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (message: string) => new DomainError('not_found', message);
export const conflict = (message: string) => new DomainError('conflict', message);

/** One field of the input breaks a rule of ours; reported like a validation issue, at that field. */
export const invalidField = (field: string, message: string, issueMessage = message) =>
  new DomainError('validation_failed', message, { issues: [{ path: [field], message: issueMessage }] });
