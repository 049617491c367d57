import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError, domainErrorOf } from '@members/api';
import { errorStatus, type ErrorCode, type ErrorIssue } from '@members/contracts';

/** Any error a REST route can meet, reduced to what both surfaces render. */
export interface Failure {
  status: number;
  code: ErrorCode;
  message: string;
  issues: ErrorIssue[];
  /** The raw zod error, for surfaces that report each issue's own type and input. */
  zodError: ZodError | null;
  retryAfter: number | undefined;
}

/** body-parser and Express report their own errors as http-errors with a `type` and a `status`. */
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

const failure = (code: ErrorCode, message: string, extra: Partial<Failure> = {}): Failure => ({
  status: errorStatus[code],
  code,
  message,
  issues: [],
  zodError: null,
  retryAfter: undefined,
  ...extra,
});

/** The one place REST meets errors: a procedure's (a DomainError behind a TRPCError) or Express's own. */
export function toFailure(error: unknown): Failure {
  const domain = domainErrorOf(error instanceof TRPCError ? error.cause : error);
  if (domain) {
    return failure(domain.code, domain.message, {
      issues: domain.issues,
      retryAfter: domain.retryAfter,
      zodError: domain.cause instanceof ZodError ? domain.cause : null,
    });
  }
  if (isHttpError(error)) {
    if (error.type === 'entity.parse.failed') return failure('invalid_json', 'The request body is not valid JSON');
    if (error.type === 'entity.too.large') return failure('payload_too_large', 'The request body is too large');
    if (error.status === 415) return failure('unsupported_media_type', unreadable(error));
    // Anything else Express or body-parser refuses: a body that does not decode, bad percent-encoding in the path.
    if (error.status >= 400 && error.status < 500) return failure('bad_request', unreadable(error));
  }
  return failure('internal_error', 'Something went wrong on our side');
}
