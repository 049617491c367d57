import type { ErrorStatus, KardowErrorBody } from '@members/contracts';

const kardow = (
  code: KardowErrorBody['error']['code'],
  message: string,
  issues: KardowErrorBody['error']['issues'] = [],
) => ({
  error: { code, message, issues },
});

/** What each error status answers on each surface, as the server really words it. */
export const errorExamples: Record<'kardow' | 'polar', Partial<Record<ErrorStatus, unknown>>> = {
  kardow: {
    400: kardow('invalid_json', 'The request body is not valid JSON'),
    401: kardow('unauthorized', 'The API key is unknown or revoked'),
    403: kardow('forbidden', 'This API key lacks the members:write scope'),
    404: kardow('not_found', 'No member with userId 3c90c3cc-0d44-4b50-8888-8dd25736052a'),
    409: kardow('conflict', 'Another member already has the email member@example.com'),
    413: kardow('payload_too_large', 'The request body is too large'),
    422: kardow('validation_failed', 'The request is invalid: 2 problem(s)', [
      { path: ['email'], message: 'Invalid email address' },
      { path: ['payment', 'currency'], message: 'must be a 3-letter ISO-4217 currency code' },
    ]),
    429: kardow('rate_limited', 'Too many requests; retry in 1s'),
  },
  polar: {
    401: { error: 'Unauthorized', detail: 'Unauthorized' },
    403: { error: 'NotPermitted', detail: 'An individual customer cannot have members other than its owner' },
    404: { error: 'ResourceNotFound', detail: 'Member not found' },
    422: {
      error: 'RequestValidationError',
      detail: [{ type: 'missing', loc: ['body', 'email'], msg: 'Field required', input: {} }],
    },
    429: { error: 'TooManyRequests', detail: 'Too many requests; retry in 1s' },
  },
};
