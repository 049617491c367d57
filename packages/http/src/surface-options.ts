import type { Context, IdempotencyStore, RequestFacts } from '@members/api';

/** A request's context (its caller, limits and unit of work), from what the request says of itself. */
export type CreateContext = (request: RequestFacts) => Context;

/** What the app gives each surface it mounts (REST's router, tRPC's). */
export interface SurfaceOptions {
  createContext: CreateContext;
  /** Largest accepted body, in bytes. */
  bodyLimitBytes?: number;
  /** Where requests with an Idempotency-Key are kept. */
  idempotency: IdempotencyStore;
  /** A fault met outside any request's answer (a key's answer that could not be kept), for the log. */
  onFault: (error: unknown) => void;
}

export const defaultBodyLimitBytes = 1024 * 1024;
