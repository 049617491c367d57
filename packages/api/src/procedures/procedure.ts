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
}

export const procedure = <C extends ProcedureContract>(contract: C, run: Procedure<C>['run']): Procedure<C> => ({
  contract,
  run,
});

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
