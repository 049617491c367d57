import {
  initTRPC,
  tracked,
  type TRPCMutationProcedure,
  type TRPCQueryProcedure,
  type TRPCSubscriptionProcedure,
} from '@trpc/server';
import type { z } from 'zod';
import {
  subscriptions,
  type LoggedEvent,
  type ProcedureContract,
  type ProcedurePath,
  type Procedures,
} from '@members/contracts';
import {
  authenticate,
  DomainError,
  domainErrorOf,
  faultMessage,
  invoke,
  isProcedure,
  parseInput,
  procedureByPath,
  procedureTree,
  openEventStream,
  type Context,
  type Procedure,
  type ProcedureNodes,
} from '@members/api';
import { asTRPCError, errorCodeOf, trpcErrorShape } from './error-shape.js';

/**
 * Subscriptions over SSE: a ping every 10 s keeps proxies from closing a quiet stream, and a client that hears nothing
 * for 25 s (not even that) opens it again from its last event. The short path (`event-stream-route.ts`) keeps the same.
 */
export const eventStreamTiming = {
  ping: { enabled: true, intervalMs: 10_000 },
  client: { reconnectAfterInactivityMs: 25_000 },
};

const t = initTRPC.context<Context>().create({
  // Never a stack trace in a response, whatever NODE_ENV says.
  isDev: false,
  sse: eventStreamTiming,
  errorFormatter({ shape, error, path }) {
    if (error.cause instanceof DomainError) return trpcErrorShape(error.cause, path);
    // tRPC's own refusals (no such procedure, an input it cannot read): its shape, with our code where one fits.
    const { stack: _stack, ...data } = shape.data;
    const message = shape.data.httpStatus >= 500 ? faultMessage : shape.message;
    return { ...shape, message, data: { ...data, appCode: errorCodeOf(error.code), issues: [] } };
  },
});

/**
 * One tRPC call of the procedure at `path`, with the caller's input as sent: the procedure's contract parses it. The
 * short path for mutations (`mutations.ts`) and the router below both call through here.
 */
export function callProcedure(context: Context, path: ProcedurePath, input: unknown): Promise<unknown> {
  return call(context, procedureByPath(path), path, input);
}

const call = (context: Context, procedure: Procedure, path: string, input: unknown) =>
  invoke(context, procedure, path, () => parseInput(procedure.contract.input, input));

type Mounted<C extends ProcedureContract> =
  C extends ProcedureContract<'query', infer I, infer O>
    ? TRPCQueryProcedure<{ input: z.input<I>; output: z.output<O>; meta: object }>
    : C extends ProcedureContract<'mutation', infer I, infer O>
      ? TRPCMutationProcedure<{ input: z.input<I>; output: z.output<O>; meta: object }>
      : never;
type MountedTree<T> = { [K in keyof T]: T[K] extends ProcedureContract ? Mounted<T[K]> : MountedTree<T[K]> };

/** tRPC's input parser, told to leave the input as sent: the procedure's own contract parses it inside `call`. */
const leaveUnparsed = (input: unknown) => input;

function mount(nodes: ProcedureNodes, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(nodes).map(([name, node]): [string, unknown] => {
      const path = `${prefix}${name}`;
      if (!isProcedure(node)) return [name, mount(node, `${path}.`)];
      const builder = t.procedure.input(leaveUnparsed);
      const resolve = ({ ctx, input }: { ctx: Context; input: unknown }) =>
        call(ctx, node, path, input).catch((error: unknown) => {
          throw asTRPCError(domainErrorOf(error));
        });
      return [name, node.contract.type === 'query' ? builder.query(resolve) : builder.mutation(resolve)];
    }),
  );
}

const streamContract = subscriptions.events.stream;

/** `events.stream` for the caller of `ctx` with its input as sent: authenticated, held to the contract, opened. */
export async function openEvents(ctx: Context, input: unknown, signal: AbortSignal) {
  const { requestScope } = await authenticate(ctx, streamContract.scope);
  return openEventStream(requestScope, parseInput(streamContract.input, input), signal);
}

/**
 * `events.stream`: each event with its id (`tracked`), so `httpSubscriptionLink` sends the last one back as
 * `lastEventId` when it reconnects. Authenticated as a call is, then open until the client leaves or the server stops.
 */
const eventStream = t.procedure.input(leaveUnparsed).subscription(async ({ ctx, input, signal }) => {
  try {
    // Opened before tRPC starts the SSE response: its start is settled when the client hears it has started.
    const events = await openEvents(ctx, input, signal ?? new AbortController().signal);
    return (async function* () {
      for await (const page of events) for (const event of page) yield tracked(event.id, event);
    })();
  } catch (error) {
    throw asTRPCError(domainErrorOf(error));
  }
}) as unknown as TRPCSubscriptionProcedure<{
  input: z.input<typeof streamContract.input>;
  // As the client receives each `tracked` event (see the client's `MembersRouter`).
  output: AsyncIterable<{ id: string; data: LoggedEvent }, void, unknown>;
  meta: object;
}>;

const mounted = mount(procedureTree, '') as MountedTree<Procedures>;

/**
 * Every procedure of the tree, at its contract's path, as a query or a mutation as the contract says, and the
 * subscriptions beside them. tRPC parses nothing: each call goes through `invoke` as REST's do, so the two surfaces
 * cannot differ in what they accept. The router's type is the contracts' (as the client's `MembersRouter` is);
 * `contract-types.test.ts` checks that what is served is exactly the contract tree.
 */
export const appRouter = t.router({ ...mounted, events: { ...mounted.events, stream: eventStream } });
export type AppRouter = typeof appRouter;
