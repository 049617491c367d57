import { callTRPCProcedure } from '@trpc/server';
import { procedureAt, type ProcedurePath } from '@members/contracts';
import type { Context } from './context.js';
import { appRouter } from './router.js';

/**
 * Calls a procedure by its contract path, through every middleware a tRPC request passes (auth, scope, input and
 * output validation). The REST adapter's one way in: the input is the caller's wire data, unvalidated on purpose.
 */
export async function callProcedure(context: Context, path: ProcedurePath, input: unknown): Promise<unknown> {
  const result: unknown = await callTRPCProcedure({
    router: appRouter,
    ctx: context,
    path,
    type: procedureAt(path).type,
    getRawInput: async () => input,
    signal: undefined,
    batchIndex: 0,
  });
  return result;
}
