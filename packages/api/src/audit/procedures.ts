import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { listAudit } from './audit-list.js';

/** The audit trail, read only: nothing in the API changes or deletes an entry. */
export const auditProcedures = {
  list: procedure(procedures.audit.list, listAudit),
};
