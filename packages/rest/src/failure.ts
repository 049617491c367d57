import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { AppError, zodIssues } from '@members/api';
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

const failure = (code: ErrorCode, message: string, extra: Partial<Failure> = {}): Failure => ({
  status: errorStatus[code],
  code,
  message,
  issues: [],
  zodError: null,
  retryAfter: undefined,
  ...extra,
});

export function toFailure(error: unknown): Failure {
  if (error instanceof AppError) {
    return failure(error.appCode, error.message, { issues: error.issues, retryAfter: error.retryAfter });
  }
  if (error instanceof TRPCError && error.cause instanceof ZodError) {
    const issues = zodIssues(error.cause);
    return failure('validation_failed', `The request is invalid: ${issues.length} problem(s)`, {
      issues,
      zodError: error.cause,
    });
  }
  if (isHttpError(error)) {
    if (error.type === 'entity.parse.failed') return failure('invalid_json', 'The request body is not valid JSON');
    if (error.type === 'entity.too.large') return failure('payload_too_large', 'The request body is too large');
    if (error.status >= 400 && error.status < 500) {
      return { ...failure('validation_failed', error.message), status: error.status };
    }
  }
  return failure('internal_error', 'Something went wrong on our side');
}
