import type { z } from 'zod';
import { authenticate } from '../auth/authenticate.js';
import type { Context } from '../context.js';
import { invalidInput, invalidRequest, type InputSource } from '../errors.js';
import { unsafeInputIssues } from '../input-safety.js';
import { inSpan } from '../tracing.js';
import type { Procedure } from './procedure.js';

/**
 * Parses one input (a whole tRPC input, or the path, query or body of a REST request) with a contract schema.
 * What no schema should meet (NUL characters, absurd nesting) is refused first, at its path.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, source?: InputSource): z.output<S> {
  const unsafe = unsafeInputIssues(raw);
  if (unsafe.length > 0) throw invalidRequest(unsafe.map((issue) => (source ? { ...issue, source } : issue)));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, source);
  return parsed.data;
}

/**
 * One call of a procedure, as every surface makes it: authenticate (401 and 403 before any input is read), read
 * the input as the surface reads it, run, and hold the result to the contract's output. A result outside the
 * contract is a fault of ours, never the caller's 422.
 */
export function invoke(
  context: Context,
  procedure: Procedure,
  path: string,
  readInput: () => z.output<Procedure['contract']['input']>,
): Promise<unknown> {
  return inSpan(`procedure ${path}`, { 'rpc.method': path }, async () => {
    const { requestScope } = await authenticate(context, procedure.contract.scope);
    // With an Idempotency-Key, the call runs in the request's transaction, which also records the answer.
    const keyed = context.keyed;
    const result = keyed
      ? await keyed.run((em) => procedure.run({ ...requestScope, em, afterCommit: keyed.afterCommit }, readInput()), {
          alone: context.calls === 1,
        })
      : await procedure.run(requestScope, readInput());
    const output = procedure.contract.output.safeParse(result);
    if (!output.success) throw new Error(`${path} answered outside its contract`, { cause: output.error });
    return output.data;
  });
}
