import type { z } from 'zod';
import type { ProcedureContract, ProcedureTree } from '@members/contracts';
import type { RequestScope } from '../request-scope.js';

/**
 * A procedure: its contract (scope, input and output schemas), and what it does for an authenticated caller with
 * the input that contract parsed. It knows no transport: the tRPC router and the REST adapter each mount it, and
 * `invoke` is the one way both call it.
 */
export interface Procedure<C extends ProcedureContract = ProcedureContract> {
  contract: C;
  run(scope: RequestScope, input: z.output<C['input']>): Promise<z.input<C['output']>>;
  /**
   * A mutation whose quickest paths commit without a transaction of the ORM (one statement, or two sent together)
   * and send its audit entry with them (`auditStatement`); `invoke` then begins no transaction for it. Every other
   * mutation runs in one that `invoke` begins, and its entry is written there.
   */
  writesItsAudit?: boolean;
}

export const procedure = <C extends ProcedureContract>(
  contract: C,
  run: Procedure<C>['run'],
  options: Pick<Procedure, 'writesItsAudit'> = {},
): Procedure<C> => ({ contract, run, ...options });

/** The procedures of a contract tree, at the same paths. */
export type ProceduresOf<TTree> = {
  [K in keyof TTree]: TTree[K] extends ProcedureContract
    ? Procedure<TTree[K]>
    : TTree[K] extends ProcedureTree
      ? ProceduresOf<TTree[K]>
      : never;
};

export interface ProcedureNodes {
  [name: string]: Procedure | ProcedureNodes;
}

export const isProcedure = (node: object): node is Procedure => 'contract' in node && 'run' in node;
