import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { exportCustomers } from './customer-export.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './customers.js';

const contracts = procedures.customers;

/** Polar's customers: `/v1/customers`, by id or by external id. */
export const customerProcedures = {
  create: procedure(contracts.create, createCustomer),
  list: procedure(contracts.list, listCustomers),
  export: procedure(contracts.export, (scope, input) => Promise.resolve(exportCustomers(scope, input))),
  get: procedure(contracts.get, getCustomer),
  update: procedure(contracts.update, (scope, { id, ...changes }) => updateCustomer(scope, { id }, changes)),
  delete: procedure(contracts.delete, (scope, { id, anonymize }) => deleteCustomer(scope, { id }, { anonymize })),
  getByExternalId: procedure(contracts.getByExternalId, getCustomer),
  updateByExternalId: procedure(contracts.updateByExternalId, (scope, { externalId, ...changes }) =>
    updateCustomer(scope, { externalId }, changes),
  ),
  deleteByExternalId: procedure(contracts.deleteByExternalId, (scope, { externalId, anonymize }) =>
    deleteCustomer(scope, { externalId }, { anonymize }),
  ),
};
