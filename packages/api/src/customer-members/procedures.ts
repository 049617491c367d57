import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { addCustomerMember } from './add-customer-member.js';
import {
  customerNamed,
  deleteCustomerMember,
  getCustomerMember,
  listCustomerMembers,
  listMembersOfCustomer,
  updateCustomerMember,
} from './customer-members.js';

const contracts = procedures.customerMembers;

/**
 * Polar's members of a customer: `customerMembers.*`, behind `/v1/members` and the nested
 * `/v1/customers/{id}/members` and `/v1/customers/external/{external_id}/members`.
 */
export const customerMemberProcedures = {
  create: procedure(contracts.create, addCustomerMember, { writesItsAudit: true }),
  createForCustomer: procedure(
    contracts.createForCustomer,
    async (scope, { externalCustomerId, ...input }) =>
      addCustomerMember(scope, { ...input, customerId: await customerNamed(scope, { ...input, externalCustomerId }) }),
    { writesItsAudit: true },
  ),
  list: procedure(contracts.list, listCustomerMembers),
  listOfCustomer: procedure(contracts.listOfCustomer, listMembersOfCustomer),
  get: procedure(contracts.get, getCustomerMember),
  update: procedure(contracts.update, (scope, { id, customerId, ...changes }) =>
    updateCustomerMember(scope, { id, customerId }, changes),
  ),
  delete: procedure(contracts.delete, deleteCustomerMember),
  getByExternalId: procedure(contracts.getByExternalId, getCustomerMember),
  updateByExternalId: procedure(
    contracts.updateByExternalId,
    (scope, { externalId, customerId, externalCustomerId, ...changes }) =>
      updateCustomerMember(scope, { externalId, customerId, externalCustomerId }, changes),
  ),
  deleteByExternalId: procedure(contracts.deleteByExternalId, deleteCustomerMember),
};
