import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { deliveryDetail, listDeliveries, recentDeliveries, redeliverEvent } from './deliveries.js';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  listSubscriptions,
  resetEndpointSecret,
  rotateSubscriptionSecret,
  subscribe,
  unsubscribe,
  updateEndpoint,
  updateSubscription,
} from './endpoints.js';

const contracts = procedures.webhooks;

/** Kardow's subscriptions and Polar's endpoints, deliveries and redelivery. */
export const webhookProcedures = {
  subscriptions: {
    create: procedure(contracts.subscriptions.create, subscribe),
    list: procedure(contracts.subscriptions.list, (scope) => listSubscriptions(scope)),
    delete: procedure(contracts.subscriptions.delete, (scope, { id }) => unsubscribe(scope, id)),
    update: procedure(contracts.subscriptions.update, updateSubscription),
    rotateSecret: procedure(contracts.subscriptions.rotateSecret, (scope, { id }) =>
      rotateSubscriptionSecret(scope, id),
    ),
  },
  endpoints: {
    create: procedure(contracts.endpoints.create, createEndpoint),
    list: procedure(contracts.endpoints.list, listEndpoints),
    get: procedure(contracts.endpoints.get, (scope, { id }) => getEndpoint(scope, id)),
    update: procedure(contracts.endpoints.update, updateEndpoint),
    delete: procedure(contracts.endpoints.delete, (scope, { id }) => deleteEndpoint(scope, id)),
    resetSecret: procedure(contracts.endpoints.resetSecret, (scope, { id }) => resetEndpointSecret(scope, id)),
  },
  deliveries: {
    list: procedure(contracts.deliveries.list, listDeliveries),
    recent: procedure(contracts.deliveries.recent, (scope, { failedOnly, page }) =>
      recentDeliveries(scope, failedOnly, page),
    ),
    get: procedure(contracts.deliveries.get, (scope, { id }) => deliveryDetail(scope, id)),
  },
  events: { redeliver: procedure(contracts.events.redeliver, (scope, { id }) => redeliverEvent(scope, id)) },
};
