import { customer, customerByIdInput, customerCreateInput, customerList, customerListInput } from '@members/contracts';
import { router, scopedProcedure } from '../trpc.js';
import { createCustomer, getCustomer, listCustomers } from './customers.js';
import { toCustomerOutput } from './serialize.js';

/** Polar's customers: `/v1/customers`. */
export const customersRouter = router({
  create: scopedProcedure('customers:write')
    .input(customerCreateInput)
    .output(customer)
    .mutation(async ({ ctx, input }) =>
      toCustomerOutput(await createCustomer(ctx.em, ctx.principal.organizationId, input)),
    ),

  list: scopedProcedure('customers:read')
    .input(customerListInput)
    .output(customerList)
    .query(async ({ ctx, input }) => {
      const page = await listCustomers(ctx.em, ctx.principal, input);
      return { items: page.items.map(toCustomerOutput), pagination: page.pagination };
    }),

  get: scopedProcedure('customers:read')
    .input(customerByIdInput)
    .output(customer)
    .query(async ({ ctx, input }) => toCustomerOutput(await getCustomer(ctx.em, ctx.principal, input.id))),
});
