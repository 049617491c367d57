import { randomUUID } from 'node:crypto';
import type {
  KardowSubscription,
  KardowSubscriptionCreateInput,
  KardowSubscriptionUpdateInput,
  WebhookEndpoint as WebhookEndpointOutput,
  WebhookEndpointCreateInput,
  WebhookEndpointUpdateInput,
  SurfaceName,
} from '@members/contracts';
import { WebhookEndpoint } from '@members/db';
import { conflict, invalidField, notFound } from '../errors.js';
import { paginationOf } from '../pagination.js';
import type { RequestScope } from '../request-scope.js';
import { isChatFormat } from './chat-message.js';
import { newWebhookSecret } from './signing.js';
import { assertDeliverableTarget } from './target-policy.js';

type PolarEvents = WebhookEndpointOutput['events'];

export function toKardowSubscription(endpoint: WebhookEndpoint): KardowSubscription {
  return {
    id: endpoint.id,
    event: endpoint.events[0] ?? '*',
    target_type: isChatFormat(endpoint.format) ? endpoint.format : 'webhook',
    target_url: endpoint.url,
    is_enabled: endpoint.enabled,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: (endpoint.modifiedAt ?? endpoint.createdAt).toISOString(),
  };
}

function toPolarEndpoint(endpoint: WebhookEndpoint, organizationId: string): WebhookEndpointOutput {
  return {
    createdAt: endpoint.createdAt.toISOString(),
    modifiedAt: endpoint.modifiedAt ? endpoint.modifiedAt.toISOString() : null,
    id: endpoint.id,
    url: endpoint.url,
    name: endpoint.name ?? null,
    format: isChatFormat(endpoint.format) ? endpoint.format : 'raw',
    secret: endpoint.secret,
    organizationId,
    // Stored from this contract's own enum when created on this surface.
    events: endpoint.events as PolarEvents,
    enabled: endpoint.enabled,
  };
}

function newEndpoint(
  scope: RequestScope,
  fields: Pick<WebhookEndpoint, 'surface' | 'url' | 'events' | 'secret'> & {
    name?: string | null;
    format?: string;
  },
) {
  return scope.em.create(WebhookEndpoint, {
    id: randomUUID(),
    organization: scope.organization.id,
    name: null,
    format: 'raw',
    enabled: true,
    consecutiveFailures: 0,
    createdAt: new Date(),
    modifiedAt: null,
    ...fields,
  });
}

/** Kardow's `POST /webhooks`: the same event and URL again returns the existing subscription. */
export async function subscribe(scope: RequestScope, input: KardowSubscriptionCreateInput) {
  await assertDeliverableTarget(input.target_url, 'target_url');
  const existing = (
    await scope.em.find(WebhookEndpoint, {
      organization: scope.organization.id,
      surface: 'kardow',
      url: input.target_url,
    })
  ).find((endpoint) => endpoint.events[0] === input.event);
  if (existing) return { subscription: toKardowSubscription(existing), created: false };
  const secret = input.secret ?? newWebhookSecret('kardow');
  const format = input.target_type === 'webhook' ? 'raw' : input.target_type;
  const endpoint = newEndpoint(scope, {
    surface: 'kardow',
    url: input.target_url,
    events: [input.event],
    secret,
    format,
  });
  await scope.em.flush();
  scope.subscribers.forget(scope.organization.id);
  // The secret is shown once, now: the subscriber needs it to check signatures (chat targets get none to check).
  const shown = format === 'raw' ? { secret } : {};
  return { subscription: { ...toKardowSubscription(endpoint), ...shown }, created: true };
}

/** The console's edit of a subscription: another event (unless that event and URL are subscribed already), on or off. */
export async function updateSubscription(scope: RequestScope, { id, event, enabled }: KardowSubscriptionUpdateInput) {
  const endpoint = await findEndpoint(scope, 'kardow', id);
  if (event !== undefined && event !== endpoint.events[0]) {
    const twins = await scope.em.find(WebhookEndpoint, {
      organization: scope.organization.id,
      surface: 'kardow',
      url: endpoint.url,
      id: { $ne: id },
    });
    if (twins.some((twin) => twin.events[0] === event)) {
      throw conflict(`${endpoint.url} is already subscribed to ${event}`);
    }
    endpoint.events = [event];
  }
  if (enabled !== undefined) {
    if (enabled && !endpoint.enabled) endpoint.consecutiveFailures = 0;
    endpoint.enabled = enabled;
  }
  endpoint.modifiedAt = new Date();
  await scope.em.flush();
  scope.subscribers.forget(scope.organization.id);
  return toKardowSubscription(endpoint);
}

/** A new signing secret for a subscription, shown once: deliveries from now on are signed with it alone. */
export async function rotateSubscriptionSecret(scope: RequestScope, id: string) {
  const endpoint = await findEndpoint(scope, 'kardow', id);
  endpoint.secret = newWebhookSecret('kardow');
  endpoint.modifiedAt = new Date();
  await scope.em.flush();
  scope.subscribers.forget(scope.organization.id);
  return { id, secret: endpoint.secret };
}

export async function listSubscriptions(scope: RequestScope) {
  const endpoints = await scope.em.find(
    WebhookEndpoint,
    { organization: scope.organization.id, surface: 'kardow' },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return endpoints.map(toKardowSubscription);
}

async function findEndpoint(scope: RequestScope, surface: SurfaceName, id: string) {
  const endpoint = await scope.em.findOne(WebhookEndpoint, { id, surface, organization: scope.organization.id });
  if (!endpoint) throw notFound(surface === 'kardow' ? `No webhook subscription ${id}` : 'Webhook endpoint not found');
  return endpoint;
}

export async function unsubscribe(scope: RequestScope, id: string) {
  const endpoint = await findEndpoint(scope, 'kardow', id);
  const removed = toKardowSubscription(endpoint);
  await scope.em.remove(endpoint).flush();
  scope.subscribers.forget(scope.organization.id);
  return removed;
}

export async function createEndpoint(scope: RequestScope, input: WebhookEndpointCreateInput) {
  if (input.organizationId && input.organizationId !== scope.organization.publicId) {
    throw invalidField('organizationId', 'This key can only create endpoints of its own organization.');
  }
  await assertDeliverableTarget(input.url, 'url');
  const endpoint = newEndpoint(scope, {
    surface: 'polar',
    url: input.url,
    name: input.name ?? null,
    format: input.format,
    events: input.events,
    secret: newWebhookSecret('polar'),
  });
  await scope.em.flush();
  scope.subscribers.forget(scope.organization.id);
  return toPolarEndpoint(endpoint, scope.organization.publicId);
}

export async function getEndpoint(scope: RequestScope, id: string) {
  return toPolarEndpoint(await findEndpoint(scope, 'polar', id), scope.organization.publicId);
}

export async function listEndpoints(
  scope: RequestScope,
  input: { page: number; limit: number; organizationId?: string | string[] | undefined },
) {
  const requested = input.organizationId === undefined ? [] : [input.organizationId].flat();
  if (requested.length > 0 && !requested.includes(scope.organization.publicId)) {
    return { items: [], pagination: paginationOf(0, input.limit) };
  }
  const [endpoints, total] = await scope.em.findAndCount(
    WebhookEndpoint,
    { organization: scope.organization.id, surface: 'polar' },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: input.limit, offset: (input.page - 1) * input.limit },
  );
  return {
    items: endpoints.map((endpoint) => toPolarEndpoint(endpoint, scope.organization.publicId)),
    pagination: paginationOf(total, input.limit),
  };
}

/** Null is "no change" for every field but `name`, which it clears. Re-enabling resets the failure count. */
export async function updateEndpoint(scope: RequestScope, { id, ...changes }: WebhookEndpointUpdateInput) {
  const endpoint = await findEndpoint(scope, 'polar', id);
  if (changes.url != null) {
    await assertDeliverableTarget(changes.url, 'url');
    endpoint.url = changes.url;
  }
  if (changes.name !== undefined) endpoint.name = changes.name;
  if (changes.format != null) endpoint.format = changes.format;
  if (changes.events != null) endpoint.events = changes.events;
  if (changes.enabled != null) {
    if (changes.enabled && !endpoint.enabled) endpoint.consecutiveFailures = 0;
    endpoint.enabled = changes.enabled;
  }
  endpoint.modifiedAt = new Date();
  await scope.em.flush();
  scope.subscribers.forget(scope.organization.id);
  return toPolarEndpoint(endpoint, scope.organization.publicId);
}

export async function deleteEndpoint(scope: RequestScope, id: string) {
  const endpoint = await findEndpoint(scope, 'polar', id);
  await scope.em.remove(endpoint).flush();
  scope.subscribers.forget(scope.organization.id);
  return { id };
}

export async function resetEndpointSecret(scope: RequestScope, id: string) {
  const endpoint = await findEndpoint(scope, 'polar', id);
  endpoint.secret = newWebhookSecret('polar');
  endpoint.modifiedAt = new Date();
  await scope.em.flush();
  return toPolarEndpoint(endpoint, scope.organization.publicId);
}
