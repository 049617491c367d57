import { initTRPC, type TRPCMutationProcedure, type TRPCQueryProcedure } from '@trpc/server';
import type { z } from 'zod';
import { type ProcedureContract, type ProcedurePath, type Procedures } from '@members/contracts';
import {
  DomainError,
  domainErrorOf,
  faultMessage,
  invoke,
  isProcedure,
  parseInput,
  procedureByPath,
  procedureTree,
  type Context,
  type Procedure,
  type ProcedureNodes,
} from '@members/api';
import { asTRPCError, errorCodeOf, trpcErrorShape } from './error-shape.js';

const t = initTRPC.context<Context>().create({
  // Never a stack trace in a response, whatever NODE_ENV says.
  isDev: false,
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

/**
 * Every procedure of the tree, at its contract's path, as a query or a mutation as the contract says. tRPC parses
 * nothing: each call goes through `invoke` as REST's do, so the two surfaces cannot differ in what they accept.
 * The router's type is the contracts' (as the client's `MembersRouter` is); `contract-types.test.ts` checks that
 * what is served is exactly the contract tree.
 */
export const appRouter = t.router(mount(procedureTree, '') as MountedTree<Procedures>);
export type AppRouter = typeof appRouter;
