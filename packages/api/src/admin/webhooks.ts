import { WebhookEndpoint, type Database } from '@members/db';
import { recentDeliveries } from '../webhooks/deliveries.js';
import { requireOrganization } from './organizations.js';

/** `webhook list`: an organization's subscriptions and endpoints, both surfaces, without their secrets. */
export async function listWebhooks(db: Database, organizationId: number) {
  const em = db.fork();
  await requireOrganization(em, organizationId);
  const endpoints = await em.find(
    WebhookEndpoint,
    { organization: organizationId },
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
export async function listWebhookDeliveries(db: Database, organizationId: number, failedOnly: boolean) {
  const em = db.fork();
  await requireOrganization(em, organizationId);
  return recentDeliveries(em, organizationId, failedOnly);
}
