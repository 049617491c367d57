import { procedures, type CustomerSelector, type DeletedRecord } from '@members/contracts';
import type { RequestScope } from '../request-scope.js';
import { procedure } from '../procedures/procedure.js';
import { exportCustomers } from './customer-export.js';
import { eraseCustomer } from './erase-customer.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './customers.js';

const contracts = procedures.customers;

/** Polar's delete: soft, or with `anonymize=true` an erasure, answered as any delete is. */
async function removeCustomer(
  scope: RequestScope,
  selector: CustomerSelector,
  anonymize: boolean | undefined,
): Promise<DeletedRecord> {
  return anonymize ? { id: (await eraseCustomer(scope, selector)).customerId } : deleteCustomer(scope, selector);
}

/** Polar's customers: `/v1/customers`, by id or by external id. */
export const customerProcedures = {
  create: procedure(contracts.create, createCustomer),
  list: procedure(contracts.list, listCustomers),
  export: procedure(contracts.export, (scope, input) => Promise.resolve(exportCustomers(scope, input))),
  get: procedure(contracts.get, getCustomer),
  update: procedure(contracts.update, (scope, { id, ...changes }) => updateCustomer(scope, { id }, changes)),
  delete: procedure(contracts.delete, (scope, { id, anonymize }) => removeCustomer(scope, { id }, anonymize)),
  getByExternalId: procedure(contracts.getByExternalId, getCustomer),
  updateByExternalId: procedure(contracts.updateByExternalId, (scope, { externalId, ...changes }) =>
    updateCustomer(scope, { externalId }, changes),
  ),
  deleteByExternalId: procedure(contracts.deleteByExternalId, (scope, { externalId, anonymize }) =>
    removeCustomer(scope, { externalId }, anonymize),
  ),
  erase: procedure(contracts.erase, (scope, { id }) => eraseCustomer(scope, { id })),
};
