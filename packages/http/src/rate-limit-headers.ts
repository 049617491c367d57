import type { RateLimitState } from '@members/api';

/**
 * The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers, as express-rate-limit's draft-7 writes them):
 * the policy, and what is left of it after this request.
 */
export function rateLimitHeaders(state: RateLimitState | undefined): Record<string, string> {
  if (!state) return {};
  return {
    'RateLimit-Policy': `${state.limit};w=${state.windowSeconds}`,
    RateLimit: `limit=${state.limit}, remaining=${state.remaining}, reset=${state.resetSeconds}`,
  };
}
