import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './rest/openapi.js';

export type { paths as RestPaths } from './rest/openapi.js';
/** The REST surfaces' bodies as `/openapi.json` documents them (`RestSchemas['CustomerMember']`, snake_case). */
export type RestSchemas = components['schemas'];
export type MembersRestClient = Client<paths>;

export interface MembersRestClientOptions {
  /** The server's base URL, e.g. http://localhost:3000. */
  url: string;
  /** An API key of the organization; sent as `x-api-key`, which every surface accepts. */
  apiKey: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * A typed client for the Kardow and Polar REST routes, typed by the OpenAPI document the server serves:
 * `rest.POST('/members/sync', { body: {...} })`.
 */
export function createMembersRestClient(options: MembersRestClientOptions): MembersRestClient {
  return createClient<paths>({
    baseUrl: options.url.replace(/\/+$/, ''),
    headers: { 'x-api-key': options.apiKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
