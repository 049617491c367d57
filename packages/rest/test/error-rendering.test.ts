import { describe, expect, it } from 'vitest';
import { DomainError } from '@members/api';
import {
  errorCode,
  errorStatus,
  kardowErrorBody,
  polarErrorBody,
  polarValidationErrorBody,
  type ErrorCode,
} from '@members/contracts';
import { surfaces } from '../src/index.js';

const codes = errorCode.options;
const errorOf = (code: ErrorCode) =>
  new DomainError(code, `secret detail of ${code}`, {
    issues: errorStatus[code] === 422 ? [{ path: ['email'], message: 'Invalid email' }] : [],
  });

describe('every error code, rendered by each surface', () => {
  it.each(codes)('Kardow: %s with its status and the body Kardow documents', (code) => {
    const { status, body } = surfaces.kardow.render(errorOf(code));
    expect(status).toBe(errorStatus[code]);
    const parsed = kardowErrorBody.parse(body);
    expect(parsed.error.code).toBe(code);
    // A fault of ours says nothing of itself.
    if (code === 'internal_error') expect(parsed.error.message).not.toContain('secret');
  });

  it.each(codes)('Polar: %s with the name and body Polar answers it with', (code) => {
    const { status, body, headers } = surfaces.polar.render(errorOf(code));
    if (status === 422) {
      expect(polarValidationErrorBody.parse(body).detail.length).toBeGreaterThan(0);
      return;
    }
    expect(status).toBe(errorStatus[code]);
    const { detail } = polarErrorBody.parse(body);
    if (status >= 500 && code === 'internal_error') expect(detail).toBe('Internal Server Error');
    if (status === 401) expect([detail, headers]).toEqual(['Unauthorized', { 'WWW-Authenticate': 'Bearer' }]);
  });

  it('Polar answers a body that is not JSON as FastAPI does: a 422 at the body', () => {
    expect(surfaces.polar.render(new DomainError('invalid_json', 'Unexpected token')).body).toEqual({
      error: 'RequestValidationError',
      detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {} }],
    });
  });

  it('a 404 names what was asked, in each surface’s body', () => {
    const missing = new DomainError('not_found', 'No route GET /v1/nothing');
    expect(surfaces.polar.render(missing).body).toEqual({
      error: 'ResourceNotFound',
      detail: 'No route GET /v1/nothing',
    });
    expect(surfaces.kardow.render(missing).body).toEqual({
      error: { code: 'not_found', message: 'No route GET /v1/nothing', issues: [] },
    });
  });
});
