import { memberSyncInput, memberSyncResult } from '@members/contracts';
import { router, scopedProcedure } from '../trpc.js';
import { syncMember } from './sync-member.js';

export const membersRouter = router({
  /** Kardow `POST /members/sync`: create or update one member, optionally with access and a payment. */
  sync: scopedProcedure('members:write')
    .input(memberSyncInput)
    .output(memberSyncResult)
    .mutation(({ ctx, input }) => syncMember(ctx.em, ctx.db.dialect, ctx.principal, input)),
});
