import { WebhookDelivery, WebhookEndpoint, type Database } from '@members/db';
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
  const deliveries = await em.find(
    WebhookDelivery,
    { endpoint: { organization: organizationId }, ...(failedOnly ? { status: 'failed' as const } : {}) },
    { populate: ['event', 'endpoint'], orderBy: { createdAt: 'desc', id: 'desc' }, limit: 100 },
  );
  return deliveries.map((delivery) => ({
    id: delivery.id,
    surface: delivery.endpoint.surface,
    eventId: delivery.event.id,
    type: delivery.event.type,
    endpointId: delivery.endpoint.id,
    url: delivery.endpoint.url,
    status: delivery.status,
    attempts: delivery.attempts,
    lastHttpCode: delivery.lastHttpCode ?? null,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    createdAt: delivery.createdAt.toISOString(),
  }));
}
