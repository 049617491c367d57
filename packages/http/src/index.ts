export { noteError } from './error-response.js';
export { rateLimitHeaders } from './rate-limit-headers.js';
export { idempotency, keyHeader, keyedRequestOf, type IdempotencyErrors } from './idempotency.js';
export { defaultBodyLimitBytes, type CreateContext, type SurfaceOptions } from './surface-options.js';
export { requestIdOf } from './request-id.js';
