import type { Response } from 'express';
import type { DomainError } from '@members/api';
import { isPlainObject, type KardowErrorBody } from '@members/contracts';
import { noteError } from '../error-response.js';
import { pathOf, type Surface } from '../surface.js';

/** Kardow's error: `{"error": {code, message, issues}}`, issues at the input's own paths. */
function sendKardowError(res: Response, error: DomainError) {
  noteError(res, error);
  const body: KardowErrorBody = {
    error: { code: error.code, message: error.publicMessage, issues: error.publicIssues },
  };
  res.status(error.status).json(body);
}

/** Kardow: camelCase fields, `{"data": …}` bodies, `{"error": {code, message, issues}}` with the input's paths. */
export const kardowSurface: Surface = {
  name: 'kardow',
  prefixes: ['/members', '/webhooks'],
  wireName: (field) => field,
  fields: (wire) => (isPlainObject(wire) ? wire : {}),
  body: (result) => ({ data: result }),
  sendError: sendKardowError,
  notFound: (req, res) => {
    const body: KardowErrorBody = {
      error: { code: 'not_found', message: `No route ${req.method} ${pathOf(req)}`, issues: [] },
    };
    res.status(404).json(body);
  },
};
