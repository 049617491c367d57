import { TRPCError, type TRPC_ERROR_CODE_NUMBER } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { ErrorCode, TrpcErrorData } from '@members/contracts';
import type { DomainError } from '@members/api';

type TRPCCode = TRPCError['code'];

/** The tRPC code of each error code: tRPC derives the same HTTP status from it that `errorStatus` gives. */
export const trpcCodeFor: Record<ErrorCode, TRPCCode> = {
  invalid_json: 'PARSE_ERROR',
  bad_request: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  event_id_expired: 'NOT_FOUND',
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

export interface TrpcErrorShape {
  message: string;
  code: TRPC_ERROR_CODE_NUMBER;
  data: TrpcErrorData & { code: TRPCCode; httpStatus: number; path?: string };
}

/**
 * tRPC's surface of a DomainError: tRPC's own error shape (its JSON-RPC code, `data.code` and `data.httpStatus`)
 * with our `appCode` and `issues`. The router's error formatter, the mutations' short path and the errors met
 * before tRPC runs all answer with this, so every /trpc error has one form. A fault of ours says nothing of itself
 * (it may quote SQL); the log has it.
 */
export function trpcErrorShape(error: DomainError, path?: string): TrpcErrorShape {
  const code = trpcCodeFor[error.code];
  return {
    message: error.publicMessage,
    code: TRPC_ERROR_CODES_BY_KEY[code],
    data: {
      code,
      httpStatus: error.status,
      ...(path === undefined ? {} : { path }),
      appCode: error.code,
      issues: error.publicIssues,
    },
  };
}

/** The TRPCError tRPC's adapter needs to answer a DomainError with its status; the formatter renders the cause. */
export const asTRPCError = (error: DomainError) =>
  new TRPCError({ code: trpcCodeFor[error.code], message: error.message, cause: error });
