import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
  type TRPCClientError,
} from '@trpc/client';
import type {
  TRPCBuiltRouter,
  TRPCDefaultErrorShape,
  TRPCMutationProcedure,
  TRPCQueryProcedure,
  TRPCSubscriptionProcedure,
} from '@trpc/server';
import { EventSource } from 'eventsource';
import type { z } from 'zod';
import {
  maxTrpcBatchCalls,
  streamedProcedurePaths,
  type ProcedureContract,
  type Procedures,
  type SubscriptionContract,
  type Subscriptions,
  type TrpcErrorData,
} from '@members/contracts';

type ProcedureFor<C extends ProcedureContract | SubscriptionContract> =
  C extends ProcedureContract<'query', infer I, infer O>
    ? TRPCQueryProcedure<{ input: z.input<I>; output: z.output<O>; meta: object }>
    : C extends ProcedureContract<'mutation', infer I, infer O>
      ? TRPCMutationProcedure<{ input: z.input<I>; output: z.output<O>; meta: object }>
      : C extends SubscriptionContract<infer I, infer E>
        ? TRPCSubscriptionProcedure<{
            input: z.input<I>;
            // What `onData` receives: the server yields `tracked(id, event)`, which the link hands over as
            // `{ id, data }` (tRPC's own type, with no transformer, would say the envelope itself).
            output: AsyncIterable<{ id: string; data: z.output<E> }, void, unknown>;
            meta: object;
          }>
        : never;

type RecordFor<T> = {
  [K in keyof T]: T[K] extends ProcedureContract | SubscriptionContract ? ProcedureFor<T[K]> : RecordFor<T[K]>;
};

export type MembersErrorShape = TRPCDefaultErrorShape & { data: TrpcErrorData };

/**
 * The server's tRPC router as its callers see it, derived from the procedure contracts alone: the client needs no
 * server package, and its types reach no database, ORM or HTTP framework.
 */
export type MembersRouter = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: MembersErrorShape; transformer: false },
  RecordFor<Procedures & Subscriptions>
>;

export type MembersClient = TRPCClient<MembersRouter>;
export type MembersClientError = TRPCClientError<MembersRouter>;

export interface MembersClientOptions {
  /** The server's base URL, e.g. http://localhost:3000 (the client adds /trpc). */
  url: string;
  /** An API key of the organization; sent as `x-api-key`. */
  apiKey: string;
  /** Batch calls made in the same tick into one HTTP request (default true). */
  batch?: boolean;
  fetch?: typeof globalThis.fetch;
  /** What the calls come from, sent as `x-trpc-source` (the console sends `console`): the audit trail's surface. */
  source?: string;
}

/** A typed tRPC client for the members service: `client.members.sync.mutate({...})`. */
export function createMembersClient(options: MembersClientOptions): MembersClient {
  const url = `${options.url.replace(/\/+$/, '')}/trpc`;
  const headers = {
    'x-api-key': options.apiKey,
    ...(options.source === undefined ? {} : { 'x-trpc-source': options.source }),
  };
  const linkOptions = { url, headers, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const plain =
    options.batch === false ? httpLink(linkOptions) : httpBatchLink({ ...linkOptions, maxItems: maxTrpcBatchCalls });
  const fetchWithKey = options.fetch ?? globalThis.fetch;
  return createTRPCClient<MembersRouter>({
    links: [
      splitLink({
        // Subscriptions (`events.stream`) over SSE. A browser's own EventSource cannot send a header and the key must
        // never be in a URL (logs and proxies keep URLs), so it is the `eventsource` package's, which reads the
        // stream with fetch, in Node 20 and in browsers alike, and sends the key as the other calls do.
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetchWithKey(input, { ...init, headers: { ...init.headers, ...headers } }),
          }),
        }),
        false: splitLink({
          // A streamed result (the customers' CSV) is read as it arrives; everything else as one JSON answer.
          condition: (op) => (streamedProcedurePaths as readonly string[]).includes(op.path),
          true: httpBatchStreamLink({ ...linkOptions, maxItems: maxTrpcBatchCalls }),
          false: plain,
        }),
      }),
    ],
  });
}
