import type { ErrorRequestHandler, Response } from 'express';
import { domainErrorOf, trpcErrorShape, type DomainError } from '@members/api';
import { noteError } from '@members/rest';

/** An error met before a procedure runs (method, body, idempotency), in the shape of every other /trpc error. */
export function sendTrpcError(res: Response, error: DomainError) {
  noteError(res, error);
  res.status(error.status).json({ error: trpcErrorShape(error) });
}

/** Errors Express raises on /trpc (a body over the limit, an unreadable one), in tRPC's shape. */
export const trpcHttpErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  sendTrpcError(res, domainErrorOf(error));
};
