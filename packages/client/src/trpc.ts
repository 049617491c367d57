import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpLink,
  splitLink,
  type TRPCClient,
  type TRPCClientError,
} from '@trpc/client';
import type { TRPCBuiltRouter, TRPCDefaultErrorShape, TRPCMutationProcedure, TRPCQueryProcedure } from '@trpc/server';
import type { z } from 'zod';
import {
  maxTrpcBatchCalls,
  streamedProcedurePaths,
  type ProcedureContract,
  type Procedures,
  type TrpcErrorData,
} from '@members/contracts';

type ProcedureFor<C extends ProcedureContract> =
  C extends ProcedureContract<'query', infer I, infer O>
    ? TRPCQueryProcedure<{ input: z.input<I>; output: z.output<O>; meta: object }>
    : C extends ProcedureContract<'mutation', infer I, infer O>
      ? TRPCMutationProcedure<{ input: z.input<I>; output: z.output<O>; meta: object }>
      : never;

type RecordFor<T> = {
  [K in keyof T]: T[K] extends ProcedureContract ? ProcedureFor<T[K]> : RecordFor<T[K]>;
};

export type MembersErrorShape = TRPCDefaultErrorShape & { data: TrpcErrorData };

/**
 * The server's tRPC router as its callers see it, derived from the procedure contracts alone: the client needs no
 * server package, and its types reach no database, ORM or HTTP framework.
 */
export type MembersRouter = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: MembersErrorShape; transformer: false },
  RecordFor<Procedures>
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
}

/** A typed tRPC client for the members service: `client.members.sync.mutate({...})`. */
export function createMembersClient(options: MembersClientOptions): MembersClient {
  const linkOptions = {
    url: `${options.url.replace(/\/+$/, '')}/trpc`,
    headers: { 'x-api-key': options.apiKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const plain =
    options.batch === false ? httpLink(linkOptions) : httpBatchLink({ ...linkOptions, maxItems: maxTrpcBatchCalls });
  return createTRPCClient<MembersRouter>({
    links: [
      splitLink({
        // A streamed result (the customers' CSV) is read as it arrives; everything else as one JSON answer.
        condition: (op) => (streamedProcedurePaths as readonly string[]).includes(op.path),
        true: httpBatchStreamLink({ ...linkOptions, maxItems: maxTrpcBatchCalls }),
        false: plain,
      }),
    ],
  });
}
