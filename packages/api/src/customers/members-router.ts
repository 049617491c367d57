import { z } from 'zod';
import {
  customerMember,
  customerMemberList,
  memberByExternalIdInput,
  memberByIdInput,
  memberCreateInput,
  memberListInput,
  memberUpdateByExternalIdInput,
  memberUpdateInput,
} from '@members/contracts';
import { scopedProcedure } from '../trpc.js';
import {
  createCustomerMember,
  deleteCustomerMember,
  getCustomerMember,
  listCustomerMembers,
  updateCustomerMember,
} from './members.js';
import { toCustomerMemberOutput } from './serialize.js';

const deleted = z.object({ id: z.string() });

/**
 * Polar's members of a customer (`/v1/members`), as procedures of the members router beside Kardow's
 * organization-member procedures `sync` and `lookup`.
 */
export const customerMemberProcedures = {
  create: scopedProcedure('members:write')
    .input(memberCreateInput)
    .output(customerMember)
    .mutation(async ({ ctx, input }) =>
      toCustomerMemberOutput(await createCustomerMember(ctx.em, ctx.db.dialect, ctx.principal, input)),
    ),

  list: scopedProcedure('members:read')
    .input(memberListInput)
    .output(customerMemberList)
    .query(async ({ ctx, input }) => {
      const page = await listCustomerMembers(ctx.em, ctx.principal, input);
      return { items: page.items.map(toCustomerMemberOutput), pagination: page.pagination };
    }),

  get: scopedProcedure('members:read')
    .input(memberByIdInput)
    .output(customerMember)
    .query(async ({ ctx, input }) => toCustomerMemberOutput(await getCustomerMember(ctx.em, ctx.principal, input))),

  update: scopedProcedure('members:write')
    .input(memberUpdateInput)
    .output(customerMember)
    .mutation(async ({ ctx, input: { id, customerId, ...changes } }) =>
      toCustomerMemberOutput(
        await updateCustomerMember(ctx.em, ctx.db.dialect, ctx.principal, { id, customerId }, changes),
      ),
    ),

  delete: scopedProcedure('members:write')
    .input(memberByIdInput)
    .output(deleted)
    .mutation(({ ctx, input }) => deleteCustomerMember(ctx.em, ctx.db.dialect, ctx.principal, input)),

  getByExternalId: scopedProcedure('members:read')
    .input(memberByExternalIdInput)
    .output(customerMember)
    .query(async ({ ctx, input }) => toCustomerMemberOutput(await getCustomerMember(ctx.em, ctx.principal, input))),

  updateByExternalId: scopedProcedure('members:write')
    .input(memberUpdateByExternalIdInput)
    .output(customerMember)
    .mutation(async ({ ctx, input: { externalId, customerId, externalCustomerId, ...changes } }) =>
      toCustomerMemberOutput(
        await updateCustomerMember(
          ctx.em,
          ctx.db.dialect,
          ctx.principal,
          { externalId, customerId, externalCustomerId },
          changes,
        ),
      ),
    ),

  deleteByExternalId: scopedProcedure('members:write')
    .input(memberByExternalIdInput)
    .output(deleted)
    .mutation(({ ctx, input }) => deleteCustomerMember(ctx.em, ctx.db.dialect, ctx.principal, input)),
};
