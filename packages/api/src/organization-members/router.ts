import { procedures } from '@members/contracts';
import { teamMembersRouter } from '../customer-members/router.js';
import { procedureFrom, router } from '../trpc.js';
import { changeAccess } from './change-access.js';
import { lookupMember } from './lookup-member.js';
import { syncMember } from './sync-member.js';
import { syncMemberBatch } from './sync-batch.js';

const contracts = procedures.members;

/**
 * The members router: the organization's own members (Kardow's `sync`, `lookup`, `access`) and, under `team`,
 * its customers' team members (Polar's `/v1/members`).
 */
export const membersRouter = router({
  sync: procedureFrom(contracts.sync).mutation(({ ctx, input }) => syncMember(ctx.scope, input)),
  syncBatch: procedureFrom(contracts.syncBatch).mutation(({ ctx, input }) => syncMemberBatch(ctx.scope, input)),
  lookup: procedureFrom(contracts.lookup).query(({ ctx, input }) => lookupMember(ctx.scope, input.lookup)),
  access: procedureFrom(contracts.access).mutation(({ ctx, input }) => changeAccess(ctx.scope, input)),
  team: teamMembersRouter,
});
