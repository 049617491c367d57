import type { Response } from 'express';
import { isPlainObject, type KardowErrorBody } from '@members/contracts';
import { toFailure } from '../failure.js';
import type { Surface } from '../surface.js';

function sendKardowError(res: Response, error: unknown) {
  const failure = toFailure(error);
  if (failure.status >= 500) res.locals.fault = error;
  if (failure.retryAfter !== undefined) res.set('Retry-After', String(failure.retryAfter));
  const body: KardowErrorBody = { error: { code: failure.code, message: failure.message, issues: failure.issues } };
  res.status(failure.status).json(body);
}

/** Kardow: camelCase fields, `{"data": …}` bodies, `{"error": {code, message, issues}}` with the input's paths. */
export const kardowSurface: Surface = {
  name: 'kardow',
  prefixes: ['/members', '/webhooks'],
  wireName: (field) => field,
  fields: (wire) => (isPlainObject(wire) ? wire : {}),
  body: (result) => ({ data: result }),
  sendError: (res, error) => sendKardowError(res, error),
  requestErrors: (error, _req, res, _next) => sendKardowError(res, error),
  notFound: (req, res) => {
    const body: KardowErrorBody = {
      error: { code: 'not_found', message: `No route ${req.method} ${req.path}`, issues: [] },
    };
    res.status(404).json(body);
  },
};
