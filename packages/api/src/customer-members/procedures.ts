import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { addCustomerMember } from './add-customer-member.js';
import {
  deleteCustomerMember,
  getCustomerMember,
  listCustomerMembers,
  updateCustomerMember,
} from './customer-members.js';

const contracts = procedures.members.team;

/** Polar's members of a customer: `members.team.*`, behind `/v1/members` and `/v1/customers/{id}/members`. */
export const customerMemberProcedures = {
  create: procedure(contracts.create, addCustomerMember),
  list: procedure(contracts.list, listCustomerMembers),
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
