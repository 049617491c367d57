import { leafAt, type ProcedurePath, type Procedures } from '@members/contracts';
import { customerMemberProcedures } from '../customer-members/procedures.js';
import { customerProcedures } from '../customers/procedures.js';
import { eventProcedures } from '../events/procedures.js';
import { auditProcedures } from '../audit/procedures.js';
import { apiKeyProcedures, planProcedures } from '../admin/procedures.js';
import { customerPortalProcedures, customerSessionProcedures } from '../customer-portal/procedures.js';
import { organizationMemberProcedures } from '../organization-members/procedures.js';
import { overviewProcedures } from '../overview/procedures.js';
import { webhookProcedures } from '../webhooks/procedures.js';
import { isProcedure, type Procedure, type ProceduresOf } from './procedure.js';

/** Every procedure, at the path of its contract in `procedures`; the compiler holds the two trees to each other. */
export const procedureTree: ProceduresOf<Procedures> = {
  members: organizationMemberProcedures,
  customerMembers: customerMemberProcedures,
  customers: customerProcedures,
  overview: overviewProcedures,
  apiKeys: apiKeyProcedures,
  plans: planProcedures,
  customerSessions: customerSessionProcedures,
  customerPortal: customerPortalProcedures,
  events: eventProcedures,
  audit: auditProcedures,
  webhooks: webhookProcedures,
};

/** The procedure at a contract path, for the surfaces that mount them by path (the REST tables, tRPC's short path). */
export const procedureByPath = (path: ProcedurePath): Procedure => leafAt(procedureTree, path, isProcedure);
