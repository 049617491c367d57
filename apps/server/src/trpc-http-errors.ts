import type { ErrorRequestHandler, Response } from 'express';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { DomainError, trpcCodeFor } from '@members/api';
import type { TrpcErrorData } from '@members/contracts';
import { toFailure } from '@members/rest';

/** An error met before tRPC runs (method, body, idempotency), in the shape tRPC's own errors have. */
export function sendTrpcError(res: Response, error: DomainError) {
  const code = trpcCodeFor[error.code];
  const data: TrpcErrorData & { code: string; httpStatus: number } = {
    code,
    httpStatus: error.status,
    appCode: error.code,
    issues: error.issues,
  };
  if (error.retryAfter !== undefined) res.set('Retry-After', String(error.retryAfter));
  res.status(error.status).json({ error: { message: error.message, code: TRPC_ERROR_CODES_BY_KEY[code], data } });
}

/** Errors Express raises on /trpc (a body over the limit, an unreadable one, an outage), in tRPC's shape. */
export const trpcHttpErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const failure = toFailure(error);
  if (failure.status >= 500) res.locals.fault = error;
  sendTrpcError(res, new DomainError(failure.code, failure.message, { issues: failure.issues }));
};
