import type { Database } from '@members/db';
import { apiKeyFromHeaders } from './auth/api-keys.js';
import type { RateLimiter } from './auth/rate-limiter.js';

/** What every procedure starts from: the database, the caller's key if any, and the limiter. */
export interface Context {
  db: Database;
  apiKey: string | null;
  rateLimiter: RateLimiter | null;
}

export interface ContextDependencies {
  db: Database;
  rateLimiter?: RateLimiter | null;
}

export type RequestHeaders = Record<string, string | string[] | undefined>;

/** One factory for every surface, so tRPC and REST authenticate exactly alike. */
export function createContextFactory(deps: ContextDependencies) {
  return (headers: RequestHeaders): Context => ({
    db: deps.db,
    apiKey: apiKeyFromHeaders(headers),
    rateLimiter: deps.rateLimiter ?? null,
  });
}
