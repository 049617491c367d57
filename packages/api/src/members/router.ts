import {
  memberAccessInput,
  memberAccessResult,
  memberDetail,
  memberLookupInput,
  memberSyncInput,
  memberSyncResult,
} from '@members/contracts';
import { changeAccess } from './change-access.js';
import { customerMemberProcedures } from '../customers/members-router.js';
import { router, scopedProcedure } from '../trpc.js';
import { lookupMember } from './lookup-member.js';
import { syncMember } from './sync-member.js';

export const membersRouter = router({
  /** Kardow `POST /members/sync`: create or update one member, optionally with access and a payment. */
  sync: scopedProcedure('members:write')
    .input(memberSyncInput)
    .output(memberSyncResult)
    .mutation(({ ctx, input }) => syncMember(ctx.em, ctx.db.dialect, ctx.principal, input)),

  /** Kardow `GET /members/{lookup}`: one member by email or uuid, with subscriptions and payments. */
  lookup: scopedProcedure('members:read')
    .input(memberLookupInput)
    .output(memberDetail)
    .query(({ ctx, input }) => lookupMember(ctx.em, ctx.principal, input.lookup)),

  /** Kardow `POST /members/access`: activate, expire, cancel, reactivate, mark past due, or delete the member. */
  access: scopedProcedure('members:write')
    .input(memberAccessInput)
    .output(memberAccessResult)
    .mutation(({ ctx, input }) => changeAccess(ctx.em, ctx.db.dialect, ctx.principal, input)),

  ...customerMemberProcedures,
});
