import type { Database } from '@members/db';
import type { Principal } from './auth/api-keys.js';
import { apiKeyFromHeaders } from './auth/api-keys.js';
import type { RateLimits, RateLimitState } from './auth/rate-limits.js';
import { principalsOf, type PrincipalCache } from './auth/principal-cache.js';
import type { KeyedRequest } from './idempotency/keyed-request.js';

export type RequestHeaders = Record<string, string | string[] | undefined>;

/** What every procedure starts from: one per HTTP request, shared by the calls of a tRPC batch. */
export interface Context {
  db: Database;
  apiKey: string | null;
  /** The caller's address: requests without a valid key are limited by it. */
  clientAddress: string;
  /** How many calls the HTTP request makes (a tRPC batch makes several): what the rate limit charges. */
  calls: number;
  limits: RateLimits | null;
  /** API keys seen lately, shared by every request of the process. */
  principals: PrincipalCache;
  /** Set by the first call: the key is looked up and the limit charged once per HTTP request. */
  caller?: Promise<Principal>;
  /** The limit after this request's charge, for the RateLimit headers. */
  rateLimit?: RateLimitState;
  /** This server as the caller reached it, for the links it hands out (a portal session's URL). */
  origin: string;
  /** Set when the request carries an Idempotency-Key it may run under: its calls share one transaction. */
  keyed?: KeyedRequest | undefined;
  /** The surface the request came in on, and its id (`X-Request-Id`), for the audit trail. */
  surface: RequestSurface;
  requestId: string | null;
}

/** Where a request came in: REST, tRPC, or the console's own pages over tRPC. */
export type RequestSurface = 'rest' | 'trpc' | 'console';

export interface ContextDependencies {
  db: Database;
  limits?: RateLimits | null;
  /** `PUBLIC_URL`: where callers reach this server, when a proxy stands in front of it. */
  publicUrl?: string | undefined;
}

export interface RequestFacts {
  headers: RequestHeaders;
  clientAddress: string | undefined;
  calls?: number;
  keyed?: KeyedRequest | undefined;
  surface: RequestSurface;
  requestId?: string | undefined;
}

/** One factory for every surface, so tRPC and REST authenticate exactly alike. */
export function createContextFactory(deps: ContextDependencies) {
  const principals = principalsOf(deps.db);
  return (request: RequestFacts): Context => ({
    db: deps.db,
    principals,
    apiKey: apiKeyFromHeaders(request.headers),
    clientAddress: request.clientAddress ?? 'unknown',
    calls: request.calls ?? 1,
    limits: deps.limits ?? null,
    origin: deps.publicUrl?.replace(/\/+$/, '') ?? originOf(request.headers),
    keyed: request.keyed,
    surface: request.surface,
    requestId: request.requestId ?? null,
  });
}

/** `http://` and the Host the request named; a proxy in front of the server sets PUBLIC_URL instead. */
function originOf(headers: RequestHeaders): string {
  const host = headers.host;
  return `http://${typeof host === 'string' && /^[\w.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}
