import { procedures } from '@members/contracts';
import { procedureFrom, router } from '../trpc.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './customers.js';

const contracts = procedures.customers;

/** Polar's customers: `/v1/customers`, by id or by external id. */
export const customersRouter = router({
  create: procedureFrom(contracts.create).mutation(({ ctx, input }) => createCustomer(ctx.scope, input)),
  list: procedureFrom(contracts.list).query(({ ctx, input }) => listCustomers(ctx.scope, input)),
  get: procedureFrom(contracts.get).query(({ ctx, input }) => getCustomer(ctx.scope, input)),
  update: procedureFrom(contracts.update).mutation(({ ctx, input: { id, ...changes } }) =>
    updateCustomer(ctx.scope, { id }, changes),
  ),
  delete: procedureFrom(contracts.delete).mutation(({ ctx, input }) => deleteCustomer(ctx.scope, { id: input.id })),
  getByExternalId: procedureFrom(contracts.getByExternalId).query(({ ctx, input }) => getCustomer(ctx.scope, input)),
  updateByExternalId: procedureFrom(contracts.updateByExternalId).mutation(
    ({ ctx, input: { externalId, ...changes } }) => updateCustomer(ctx.scope, { externalId }, changes),
  ),
  deleteByExternalId: procedureFrom(contracts.deleteByExternalId).mutation(({ ctx, input }) =>
    deleteCustomer(ctx.scope, { externalId: input.externalId }),
  ),
});
