import { createTRPCClient, httpBatchLink, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@members/api';

export interface MembersClientOptions {
  /** The server's base URL, e.g. http://localhost:3000 (the client adds /trpc). */
  url: string;
  /** An API key of the organization; sent as `x-api-key`. */
  apiKey: string;
  /** Batch calls made in the same tick into one HTTP request (default true). */
  batch?: boolean;
  fetch?: typeof globalThis.fetch;
}

export type MembersClient = TRPCClient<AppRouter>;

/** A typed tRPC client for the members service: `client.members.sync.mutate({...})`. */
export function createMembersClient(options: MembersClientOptions): MembersClient {
  const linkOptions = {
    url: `${options.url.replace(/\/+$/, '')}/trpc`,
    headers: { 'x-api-key': options.apiKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  return createTRPCClient<AppRouter>({
    links: [options.batch === false ? httpLink(linkOptions) : httpBatchLink(linkOptions)],
  });
}

export { TRPCClientError } from '@trpc/client';
export type { AppRouter, RouterInputs, RouterOutputs } from '@members/api';
export type * from '@members/contracts';
