import { casings, surfaceCasing, type KardowErrorBody } from '@members/contracts';
import type { Surface } from '../surface.js';

const casing = casings[surfaceCasing.kardow];

/** Kardow: camelCase fields, `{"data": …}` bodies, `{"error": {code, message, issues}}` with the input's paths. */
export const kardowSurface: Surface = {
  name: 'kardow',
  prefixes: ['/members', '/webhooks'],
  casing,
  body: (result) => ({ data: casing.toWire(result) }),
  // Kardow's error names are the error codes themselves: every code has one.
  render(error) {
    const body: KardowErrorBody = {
      error: { code: error.code, message: error.publicMessage, issues: error.publicIssues },
    };
    return { status: error.status, body };
  },
};
