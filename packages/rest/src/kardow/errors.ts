import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { KardowErrorBody } from '@members/contracts';
import { toFailure } from '../failure.js';

export const kardowErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const failure = toFailure(error);
  if (failure.status >= 500) console.error(error);
  if (failure.retryAfter !== undefined) res.set('Retry-After', String(failure.retryAfter));
  const body: KardowErrorBody = { error: { code: failure.code, message: failure.message, issues: failure.issues } };
  res.status(failure.status).json(body);
};

export const kardowNotFound: RequestHandler = (req, res) => {
  const body: KardowErrorBody = {
    error: { code: 'not_found', message: `No route ${req.method} ${req.path}`, issues: [] },
  };
  res.status(404).json(body);
};
