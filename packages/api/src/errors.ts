import type { z } from 'zod';
import { errorStatus, type ErrorCode, type ErrorIssue } from '@members/contracts';
import { isDatabaseUnavailable, UniqueConstraintViolationException } from '@members/db';

/** What a caller is told of a fault of ours, on every surface. */
export const faultMessage = 'Something went wrong on our side';

/** Where on the wire an input was sent; Polar's `loc` starts with it. */
export type InputSource = 'path' | 'query' | 'body' | 'header';

/**
 * One problem with the input: its path (in the procedure's field names) and words, and, when a schema found it,
 * zod's own issue (Polar reports its type and input) and where the input was sent, if the surface knows.
 */
export interface DomainIssue extends ErrorIssue {
  source?: InputSource;
  zod?: z.core.$ZodIssue;
}

/**
 * An error the caller caused (or an outage they should retry), with a stable code. It knows no transport: each
 * surface (tRPC, Kardow, Polar) renders it in one place. `errorStatus` gives its HTTP status, which a surface may
 * override where its anchor answers otherwise (Polar answers a body that is not JSON with 422, not 400).
 * `internal_error` is a fault of ours; its cause is what the log records, and no surface shows its message.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: DomainIssue[];
  /** Seconds, for 429 and 503. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: DomainIssue[]; retryAfter?: number; cause?: unknown } = {},
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

  /** What a caller is told: a fault of ours says nothing of itself (it may quote SQL); the log has it. */
  get publicMessage(): string {
    return this.code === 'internal_error' ? faultMessage : this.message;
  }

  /** The issues as the contracts publish them: path and message only. */
  get publicIssues(): ErrorIssue[] {
    return this.issues.map(({ path, message }) => ({ path, message }));
  }
}

export const notFound = (message: string) => new DomainError('not_found', message);
export const conflict = (message: string) => new DomainError('conflict', message);

/** One field of the input breaks a rule of ours; reported like a validation issue, at that field. */
export const invalidField = (field: string, message: string, issueMessage = message) =>
  new DomainError('validation_failed', message, { issues: [{ path: [field], message: issueMessage }] });

/** Input refused, every problem listed: the one wording of a 422 for a whole request (or a batch's item). */
export const invalidRequest = (issues: DomainIssue[], noun = 'request') =>
  new DomainError('validation_failed', `The ${noun} is invalid: ${issues.length} problem(s)`, { issues });

/** What a contract's schema refused, issue by issue; `source` when the caller sent the input in one place. */
export function invalidInput(error: z.ZodError, source?: InputSource, noun = 'request'): DomainError {
  const issues = error.issues.map(
    (issue): DomainIssue => ({
      path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      message: issue.message,
      zod: issue,
      ...(source ? { source } : {}),
    }),
  );
  return invalidRequest(issues, noun);
}

/** body-parser and Express report their own refusals as http-errors, with a `type` and a `status`. */
interface HttpError {
  status: number;
  type?: string;
  message: string;
}
const isHttpError = (error: unknown): error is HttpError =>
  error instanceof Error && typeof (error as { status?: unknown }).status === 'number';

/** body-parser's own words, which name the encoding or charset it refused and nothing of ours. */
const unreadable = (error: HttpError) =>
  error.type === 'encoding.unsupported' || error.type === 'charset.unsupported'
    ? error.message
    : 'The request could not be read';

function httpRefusal(error: HttpError): DomainError | null {
  if (error.type === 'entity.parse.failed')
    return new DomainError('invalid_json', 'The request body is not valid JSON');
  if (error.type === 'entity.too.large') return new DomainError('payload_too_large', 'The request body is too large');
  if (error.status === 415) return new DomainError('unsupported_media_type', unreadable(error));
  // Anything else Express or body-parser refuses: a body that does not decode, bad percent-encoding in a path.
  if (error.status >= 400 && error.status < 500) return new DomainError('bad_request', unreadable(error));
  return null;
}

/**
 * Whatever was thrown, as the one error every surface renders: a DomainError as it is, the database's refusals
 * and outages as what they mean to the caller, Express's refusals of a request it could not read, and anything
 * else as `internal_error` (a fault of ours, kept as the cause for the log).
 */
export function domainErrorOf(cause: unknown): DomainError {
  if (cause instanceof DomainError) return cause;
  // The services lock before they check, so this is a backstop: a write that lost a race to a unique key is the
  // caller's conflict to retry, never a 500.
  if (cause instanceof UniqueConstraintViolationException) {
    return new DomainError('conflict', 'The request conflicts with a concurrent change; retry it');
  }
  if (isDatabaseUnavailable(cause)) {
    return new DomainError('unavailable', 'The database is unreachable; retry shortly', { retryAfter: 5, cause });
  }
  if (isHttpError(cause)) {
    const refusal = httpRefusal(cause);
    if (refusal) return refusal;
  }
  return new DomainError('internal_error', 'A fault of ours', { cause });
}

/** What the request log records for a 5xx: the fault or outage behind it. */
export const faultOf = (error: DomainError): unknown => error.cause ?? error;
