import type { ProcedurePath, Procedures } from '@members/contracts';
import { customerMemberProcedures } from '../customer-members/procedures.js';
import { customerProcedures } from '../customers/procedures.js';
import { organizationMemberProcedures } from '../organization-members/procedures.js';
import { webhookProcedures } from '../webhooks/procedures.js';
import { isProcedure, type Procedure, type ProcedureNodes, type ProceduresOf } from './procedure.js';

/** Every procedure, at the path of its contract in `procedures`; the compiler holds the two trees to each other. */
export const procedureTree: ProceduresOf<Procedures> = {
  members: { ...organizationMemberProcedures, team: customerMemberProcedures },
  customers: customerProcedures,
  webhooks: webhookProcedures,
};

/** The procedure at a contract path, for the surfaces that mount them by path (the REST tables, tRPC's short path). */
export function procedureByPath(path: ProcedurePath): Procedure {
  let node: Procedure | ProcedureNodes = procedureTree;
  for (const key of path.split('.')) {
    const child: Procedure | ProcedureNodes | undefined = isProcedure(node) ? undefined : node[key];
    if (!child) throw new Error(`No procedure ${path}`);
    node = child;
  }
  if (!isProcedure(node)) throw new Error(`${path} is a group of procedures, not one`);
  return node;
}
