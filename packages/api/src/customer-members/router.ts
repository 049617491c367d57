import { procedures } from '@members/contracts';
import { procedureFrom, router } from '../trpc.js';
import { addCustomerMember } from './add-customer-member.js';
import {
  deleteCustomerMember,
  getCustomerMember,
  listCustomerMembers,
  updateCustomerMember,
} from './customer-members.js';

const contracts = procedures.members.team;

/** Polar's members of a customer: `members.team.*`, behind `/v1/members` and `/v1/customers/{id}/members`. */
export const teamMembersRouter = router({
  create: procedureFrom(contracts.create).mutation(({ ctx, input }) => addCustomerMember(ctx.scope, input)),
  list: procedureFrom(contracts.list).query(({ ctx, input }) => listCustomerMembers(ctx.scope, input)),
  get: procedureFrom(contracts.get).query(({ ctx, input }) => getCustomerMember(ctx.scope, input)),
  update: procedureFrom(contracts.update).mutation(({ ctx, input: { id, customerId, ...changes } }) =>
    updateCustomerMember(ctx.scope, { id, customerId }, changes),
  ),
  delete: procedureFrom(contracts.delete).mutation(({ ctx, input }) => deleteCustomerMember(ctx.scope, input)),
  getByExternalId: procedureFrom(contracts.getByExternalId).query(({ ctx, input }) =>
    getCustomerMember(ctx.scope, input),
  ),
  updateByExternalId: procedureFrom(contracts.updateByExternalId).mutation(
    ({ ctx, input: { externalId, customerId, externalCustomerId, ...changes } }) =>
      updateCustomerMember(ctx.scope, { externalId, customerId, externalCustomerId }, changes),
  ),
  deleteByExternalId: procedureFrom(contracts.deleteByExternalId).mutation(({ ctx, input }) =>
    deleteCustomerMember(ctx.scope, input),
  ),
});
