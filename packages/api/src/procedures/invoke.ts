import type { z } from 'zod';
import { authenticate } from '../auth/authenticate.js';
import type { Context } from '../context.js';
import { invalidInput, invalidRequest, type InputSource } from '../errors.js';
import { unsafeInputIssues } from '../input-safety.js';
import { inSpan } from '../tracing.js';
import type { Procedure } from './procedure.js';
import type { Principal } from '../auth/api-keys.js';
import type { AuditFrame } from '../audit/audit-frame.js';
import { writeAudit } from '../audit/audit-trail.js';
import { fieldsOf, recordsOf } from '../audit/records.js';
import type { RequestScope } from '../request-scope.js';

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
 * contract is a fault of ours, never the caller's 422. A mutation writes its audit entry in its transaction
 * (`audited`).
 */
export function invoke(
  context: Context,
  procedure: Procedure,
  path: string,
  readInput: () => z.output<Procedure['contract']['input']>,
): Promise<unknown> {
  return inSpan(`procedure ${path}`, { 'rpc.method': path }, async () => {
    const { principal, requestScope } = await authenticate(context, procedure.contract.scope);
    const mutation = procedure.contract.type === 'mutation';
    const withAudit = (scope: RequestScope, input: unknown): RequestScope =>
      mutation ? { ...scope, audit: auditFrame(context, principal, procedure, path, input) } : scope;
    // With an Idempotency-Key, the call runs in the request's transaction, which also records the answer.
    const keyed = context.keyed;
    let result: unknown;
    if (keyed) {
      result = await keyed.run(
        (em) => {
          const input = readInput();
          return audited(
            withAudit({ ...requestScope, em, afterCommit: keyed.afterCommit }, input),
            procedure,
            path,
            input,
          );
        },
        { alone: context.calls === 1 },
      );
    } else {
      const input = readInput();
      const scope = withAudit(requestScope, input);
      result =
        mutation && !procedure.writesItsAudit
          ? await inOwnTransaction(scope, (tx) => audited(tx, procedure, path, input))
          : await audited(scope, procedure, path, input);
    }
    const output = procedure.contract.output.safeParse(result);
    if (!output.success) throw new Error(`${path} answered outside its contract`, { cause: output.error });
    return output.data;
  });
}

/**
 * Runs the call, then writes its audit entry (a mutation's, when its own writes did not) in the scope's transaction:
 * the invoking one's, or the keyed request's. A procedure on one of the paths that commit without a transaction of
 * the ORM (`writesItsAudit`) writes its entry with its change; should it have changed nothing, the entry is written
 * here on its own.
 */
async function audited(
  scope: RequestScope,
  procedure: Procedure,
  path: string,
  input: z.output<Procedure['contract']['input']>,
): Promise<unknown> {
  const result = await procedure.run(scope, input);
  if (scope.audit && !scope.audit.written) await writeAudit(scope, recordsOf(path, input, result));
  return result;
}

/**
 * A mutation's own transaction, with what its procedure leaves for after the commit (`whenCommitted`) run once it
 * has committed, as a keyed request's are.
 */
async function inOwnTransaction<T>(scope: RequestScope, work: (tx: RequestScope) => Promise<T>): Promise<T> {
  const committed: (() => Promise<void>)[] = [];
  const result = await scope.em.transactional((em) =>
    work({ ...scope, em, afterCommit: (after) => committed.push(after) }),
  );
  for (const after of committed) await after().catch(() => undefined);
  return result;
}

/** Who makes the change and how, for its audit entry: settled before it runs. */
function auditFrame(
  context: Context,
  principal: Principal,
  procedure: Procedure,
  path: string,
  input: unknown,
): AuditFrame {
  const member = principal.member;
  return {
    actor: member
      ? { kind: 'portal_member', id: member.id, name: null }
      : { kind: 'api_key', id: principal.keyId, name: principal.keyName ?? null },
    surface: member ? 'portal' : context.surface,
    requestId: context.requestId,
    procedure: path,
    fields: fieldsOf(input),
    withChange: procedure.writesItsAudit === true,
    written: false,
  };
}
