import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { changeAccess } from './change-access.js';
import { eraseMember } from './erase-member.js';
import { lookupMember } from './lookup-member.js';
import * as organizationMembers from './member-repository.js';
import { syncMember } from './sync-member.js';
import { syncMemberBatch } from './sync-batch.js';

const contracts = procedures.members;

/** The organization's own members: Kardow's `sync`, `lookup` and `access`, their list, and erasure. */
export const organizationMemberProcedures = {
  sync: procedure(contracts.sync, syncMember, { writesItsAudit: true }),
  syncBatch: procedure(contracts.syncBatch, syncMemberBatch),
  lookup: procedure(contracts.lookup, (scope, input) => lookupMember(scope, input.lookup)),
  list: procedure(contracts.list, organizationMembers.page),
  access: procedure(contracts.access, changeAccess),
  erase: procedure(contracts.erase, async (scope, input) => {
    const { memberId, erased } = await eraseMember(scope, input);
    return { memberId, erased };
  }),
};
