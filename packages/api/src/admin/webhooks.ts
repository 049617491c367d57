import { WebhookEndpoint } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { recentDeliveries } from '../webhooks/deliveries.js';

/** `webhook list`: an organization's subscriptions and endpoints, both surfaces, without their secrets. */
export async function listWebhooks(scope: RequestScope) {
  const endpoints = await scope.em.find(
    WebhookEndpoint,
    { organization: scope.organization.id },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return endpoints.map((endpoint) => ({
    id: endpoint.id,
    surface: endpoint.surface,
    url: endpoint.url,
    events: endpoint.events,
    enabled: endpoint.enabled,
    consecutiveFailures: endpoint.consecutiveFailures,
    createdAt: endpoint.createdAt.toISOString(),
  }));
}

/** `webhook deliveries`: the latest 100 deliveries (or only those given up on), newest first. */
export const listWebhookDeliveries = (scope: RequestScope, failedOnly: boolean) => recentDeliveries(scope, failedOnly);
