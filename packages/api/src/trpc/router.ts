import { initTRPC, type TRPCMutationProcedure, type TRPCQueryProcedure } from '@trpc/server';
import type { z } from 'zod';
import { type ProcedureContract, type ProcedurePath, type Procedures } from '@members/contracts';
import type { Context } from '../context.js';
import { DomainError, domainErrorOf, faultMessage } from '../errors.js';
import { procedureByPath, procedureTree } from '../procedures/index.js';
import { invoke, parseInput } from '../procedures/invoke.js';
import { isProcedure, type Procedure, type ProcedureNodes } from '../procedures/procedure.js';
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
 * One tRPC call of the procedure at `path`, with the caller's raw input: the procedure's contract parses it. The
 * short path for mutations (apps/server) and the router below both call through here.
 */
export function callProcedure(context: Context, path: ProcedurePath, rawInput: unknown): Promise<unknown> {
  return call(context, procedureByPath(path), path, rawInput);
}

const call = (context: Context, procedure: Procedure, path: string, rawInput: unknown) =>
  invoke(context, procedure, path, () => parseInput(procedure.contract.input, rawInput));

type Mounted<C extends ProcedureContract> =
  C extends ProcedureContract<'query', infer I, infer O>
    ? TRPCQueryProcedure<{ input: z.input<I>; output: z.output<O>; meta: object }>
    : C extends ProcedureContract<'mutation', infer I, infer O>
      ? TRPCMutationProcedure<{ input: z.input<I>; output: z.output<O>; meta: object }>
      : never;
type MountedTree<T> = { [K in keyof T]: T[K] extends ProcedureContract ? Mounted<T[K]> : MountedTree<T[K]> };

/** The raw input, untouched: the procedure's own contract parses it inside `callProcedure`. */
const rawInput = (input: unknown) => input;

function mount(nodes: ProcedureNodes, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(nodes).map(([name, node]) => {
      const path = `${prefix}${name}`;
      if (!isProcedure(node)) return [name, mount(node, `${path}.`)];
      const builder = t.procedure.input(rawInput);
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
