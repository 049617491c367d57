import type { ErrorRequestHandler, Response } from 'express';
import { domainErrorOf, faultOf, trpcErrorShape, type DomainError } from '@members/api';

/** An error met before a procedure runs (method, body, idempotency), in the shape of every other /trpc error. */
export function sendTrpcError(res: Response, error: DomainError) {
  if (error.status >= 500) res.locals.fault = faultOf(error);
  if (error.retryAfter !== undefined) res.set('Retry-After', String(error.retryAfter));
  res.status(error.status).json({ error: trpcErrorShape(error) });
}

/** Errors Express raises on /trpc (a body over the limit, an unreadable one), in tRPC's shape. */
export const trpcHttpErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  sendTrpcError(res, domainErrorOf(error));
};
