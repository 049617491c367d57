import { procedures } from '@members/contracts';
import { procedureFrom, router } from '../trpc.js';
import { listDeliveries, redeliverEvent } from './deliveries.js';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  listSubscriptions,
  resetEndpointSecret,
  subscribe,
  unsubscribe,
  updateEndpoint,
} from './endpoints.js';

const contracts = procedures.webhooks;

/** Kardow's subscriptions and Polar's endpoints, deliveries and redelivery. */
export const webhooksRouter = router({
  subscriptions: router({
    create: procedureFrom(contracts.subscriptions.create).mutation(({ ctx, input }) => subscribe(ctx.scope, input)),
    list: procedureFrom(contracts.subscriptions.list).query(({ ctx }) => listSubscriptions(ctx.scope)),
    delete: procedureFrom(contracts.subscriptions.delete).mutation(({ ctx, input }) =>
      unsubscribe(ctx.scope, input.id),
    ),
  }),
  endpoints: router({
    create: procedureFrom(contracts.endpoints.create).mutation(({ ctx, input }) => createEndpoint(ctx.scope, input)),
    list: procedureFrom(contracts.endpoints.list).query(({ ctx, input }) => listEndpoints(ctx.scope, input)),
    get: procedureFrom(contracts.endpoints.get).query(({ ctx, input }) => getEndpoint(ctx.scope, input.id)),
    update: procedureFrom(contracts.endpoints.update).mutation(({ ctx, input }) => updateEndpoint(ctx.scope, input)),
    delete: procedureFrom(contracts.endpoints.delete).mutation(({ ctx, input }) => deleteEndpoint(ctx.scope, input.id)),
    resetSecret: procedureFrom(contracts.endpoints.resetSecret).mutation(({ ctx, input }) =>
      resetEndpointSecret(ctx.scope, input.id),
    ),
  }),
  deliveries: router({
    list: procedureFrom(contracts.deliveries.list).query(({ ctx, input }) => listDeliveries(ctx.scope, input)),
  }),
  events: router({
    redeliver: procedureFrom(contracts.events.redeliver).mutation(({ ctx, input }) =>
      redeliverEvent(ctx.scope, input.id),
    ),
  }),
});
