import { initTRPC } from '@trpc/server';
import type { z } from 'zod';
import type { ProcedureContract, Scope, TrpcErrorData } from '@members/contracts';
import { authenticate } from './auth/authenticate.js';
import type { Context } from './context.js';
import { DomainError } from './errors.js';
import { unsafeInputIssues } from './input-safety.js';
import { inSpan } from './tracing.js';
import { asTRPCError, domainErrorOf, errorCodeOf, toTRPCError } from './trpc-errors.js';

const t = initTRPC.context<Context>().create({
  // Never a stack trace in a response, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const domain = error.cause instanceof DomainError ? error.cause : null;
    const { stack: _stack, ...data } = shape.data;
    // A fault of ours says nothing of itself (it may quote SQL); the log has it.
    const message = !domain && shape.data.httpStatus >= 500 ? 'Something went wrong on our side' : shape.message;
    const extra: TrpcErrorData = { appCode: domain?.code ?? errorCodeOf(error.code), issues: domain?.issues ?? [] };
    return { ...shape, message, data: { ...data, ...extra } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A procedure that needs `required`: the caller is authenticated, limited and given its own request scope. */
function scopedProcedure(required: Scope) {
  return t.procedure.use(({ ctx, next, getRawInput, path }) =>
    inSpan(`procedure ${path}`, { 'rpc.method': path }, async () => {
      const { scope } = await authenticate(ctx, required).catch((error: unknown) => {
        const domain = domainErrorOf(error);
        throw domain ? asTRPCError(domain) : error;
      });
      const issues = unsafeInputIssues(await getRawInput());
      if (issues.length > 0) {
        throw asTRPCError(
          new DomainError('validation_failed', `The request is invalid: ${issues.length} problem(s)`, { issues }),
        );
      }
      const result = await next({ ctx: { scope } });
      if (!result.ok) throw toTRPCError(result.error);
      return result;
    }),
  );
}

/**
 * The procedure a contract describes, with its scope, input and output; the router adds `.query` or `.mutation` as
 * the contract's `type` says (the client's types, derived from the contracts, hold it to that).
 */
export const procedureFrom = <TInput extends z.ZodObject, TOutput extends z.ZodType>(
  contract: ProcedureContract<'query' | 'mutation', TInput, TOutput>,
) => scopedProcedure(contract.scope).input(contract.input).output(contract.output);
