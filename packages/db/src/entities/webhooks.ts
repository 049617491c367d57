import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { surfaceName } from '@members/contracts';
import { Organization } from './organization.js';

/** Where an organization's events go: a Kardow subscription or a Polar endpoint (by `surface`). */
export const WebhookEndpoint = defineEntity({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoint',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    surface: p.enum(surfaceName.options),
    url: p.string().length(2083),
    name: p.string().length(256).nullable(),
    format: p.string().length(16),
    /** Event types, or `*` for all. */
    events: p.json<string[]>(),
    /** Kept as is: it signs every delivery. Shown to the caller only on creation (and by Polar's API). */
    secret: p.string().length(256),
    enabled: p.boolean(),
    /** Deliveries given up on in a row: past a limit the endpoint is disabled, as Polar does. */
    consecutiveFailures: p.integer(),
    createdAt: p.datetime(),
    modifiedAt: p.datetime().nullable(),
  }),
  indexes: [{ name: 'webhook_endpoint_organization_index', properties: ['organization', 'surface'] }],
});
export type WebhookEndpoint = InferEntity<typeof WebhookEndpoint>;

/** The outbox: an event, written in the transaction of the change it reports, with the exact body to send. */
export const WebhookEvent = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_event',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    surface: p.enum(surfaceName.options),
    type: p.string().length(64),
    payload: p.text(),
    /** The member or customer it is about: its deliveries to one endpoint go out in order. */
    orderingKey: p.string().length(64),
    createdAt: p.datetime(),
  }),
});
export type WebhookEvent = InferEntity<typeof WebhookEvent>;

/** One event to one endpoint: pending until it succeeds or is given up on after at least 24 hours of retries. */
export const WebhookDelivery = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  properties: (p) => ({
    id: p.uuid().primary(),
    event: () => p.manyToOne(WebhookEvent).deleteRule('cascade'),
    endpoint: () => p.manyToOne(WebhookEndpoint).deleteRule('cascade'),
    orderingKey: p.string().length(64),
    /** Order among deliveries written in the same millisecond (one change can report several events). */
    sequence: p.integer(),
    status: p.enum(['pending', 'succeeded', 'failed'] as const),
    attempts: p.integer(),
    nextAttemptAt: p.datetime(),
    /** A worker holds the delivery until then; past it, another may take it (its process died). */
    leasedUntil: p.datetime().nullable(),
    firstAttemptedAt: p.datetime().nullable(),
    lastHttpCode: p.integer().nullable(),
    createdAt: p.datetime(),
    modifiedAt: p.datetime().nullable(),
  }),
  indexes: [
    { name: 'webhook_delivery_due_index', properties: ['status', 'nextAttemptAt'] },
    { name: 'webhook_delivery_order_index', properties: ['endpoint', 'orderingKey', 'createdAt'] },
    /** The overview's webhook health: an endpoint's deliveries of the last day. */
    { name: 'webhook_delivery_endpoint_created', properties: ['endpoint', 'createdAt'] },
  ],
});
export type WebhookDelivery = InferEntity<typeof WebhookDelivery>;

/** One try: what the receiver answered, and how long it took. */
export const WebhookAttempt = defineEntity({
  name: 'WebhookAttempt',
  tableName: 'webhook_attempt',
  properties: (p) => ({
    id: p.uuid().primary(),
    delivery: () => p.manyToOne(WebhookDelivery).deleteRule('cascade'),
    event: () => p.manyToOne(WebhookEvent).deleteRule('cascade'),
    endpoint: () => p.manyToOne(WebhookEndpoint).deleteRule('cascade'),
    organization: () => p.manyToOne(Organization),
    succeeded: p.boolean(),
    httpCode: p.integer().nullable(),
    response: p.text().nullable(),
    durationMs: p.integer(),
    createdAt: p.datetime(),
  }),
  indexes: [{ name: 'webhook_attempt_organization_created_index', properties: ['organization', 'createdAt'] }],
});
export type WebhookAttempt = InferEntity<typeof WebhookAttempt>;
