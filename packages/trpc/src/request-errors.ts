import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { DomainError, domainErrorOf } from '@members/api';
import { noteError } from '@members/http';
import { trpcErrorShape } from './error-shape.js';

/** An error met before a procedure runs (method, body, idempotency), in the shape of every other /trpc error. */
export function sendTrpcError(res: Response, error: DomainError) {
  noteError(res, error);
  res.status(error.status).json({ error: trpcErrorShape(error) });
}

/** tRPC speaks GET (queries) and POST (mutations, batches); anything else is 405 in tRPC's error shape. */
export const trpcMethods: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'POST') return next();
  res.set('Allow', 'GET, POST');
  sendTrpcError(res, new DomainError('method_not_allowed', `${req.method} is not served here; use GET or POST`));
};

/** Errors Express raises on /trpc (a body over the limit, an unreadable one), in tRPC's shape. */
export const trpcRequestErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  sendTrpcError(res, domainErrorOf(error));
};
