import { z } from 'zod';
import { surfaceName } from '../enums.js';
import { polarId, polarOutputId, polarTimestamp, queryBoolean } from '../polar/fields.js';
import { listOf, pageInput } from '../polar/pagination.js';
import { polarWebhookEventType } from './events.js';
import { webhookTargetUrl } from './kardow-subscriptions.js';

export const webhookFormat = z.enum(['raw', 'discord', 'slack']);

/** Polar's WebhookEndpoint (camelCase here, snake_case on the wire). */
export const webhookEndpoint = z
  .object({
    createdAt: polarTimestamp,
    modifiedAt: polarTimestamp.nullable(),
    id: polarOutputId,
    url: z.string(),
    name: z.string().nullable(),
    format: webhookFormat,
    secret: z.string(),
    organizationId: polarOutputId,
    events: z.array(polarWebhookEventType),
    enabled: z.boolean(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

export const webhookEndpointList = listOf(webhookEndpoint).meta({ id: 'WebhookEndpointList' });

export const webhookEndpointCreateInput = z.object({
  url: webhookTargetUrl,
  name: z.string().max(256).nullable().optional(),
  format: webhookFormat,
  events: z.array(polarWebhookEventType),
  organizationId: polarId.nullable().optional(),
});
export type WebhookEndpointCreateInput = z.infer<typeof webhookEndpointCreateInput>;

/** Null is "no change" for every field but `name`, which it clears. */
export const webhookEndpointUpdateInput = z.object({
  id: polarId,
  url: webhookTargetUrl.nullable().optional(),
  name: z.string().max(256).nullable().optional(),
  format: webhookFormat.nullable().optional(),
  events: z.array(polarWebhookEventType).nullable().optional(),
  enabled: z.boolean().nullable().optional(),
});
export type WebhookEndpointUpdateInput = z.infer<typeof webhookEndpointUpdateInput>;

export const webhookEndpointByIdInput = z.object({ id: polarId });
export const webhookEndpointListInput = z.object({
  organizationId: z.union([polarId, z.array(polarId)]).optional(),
  ...pageInput,
});

/** Polar's WebhookEvent, as a delivery shows it. */
export const webhookEvent = z
  .object({
    createdAt: polarTimestamp,
    modifiedAt: polarTimestamp.nullable(),
    id: polarOutputId,
    lastHttpCode: z.int().nullable(),
    succeeded: z.boolean().nullable(),
    skipped: z.boolean(),
    payload: z.string().nullable(),
    type: polarWebhookEventType,
    isArchived: z.boolean(),
  })
  .meta({ id: 'WebhookEvent' });

/** One attempt to deliver an event to an endpoint. */
export const webhookDelivery = z
  .object({
    createdAt: polarTimestamp,
    modifiedAt: polarTimestamp.nullable(),
    id: polarOutputId,
    succeeded: z.boolean(),
    httpCode: z.int().nullable(),
    response: z.string().nullable(),
    webhookEvent,
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export const webhookDeliveryList = listOf(webhookDelivery).meta({ id: 'WebhookDeliveryList' });

export const webhookDeliveryListInput = z.object({
  endpointId: z.union([polarId, z.array(polarId)]).optional(),
  startTimestamp: z.iso.datetime({ offset: true }).optional(),
  endTimestamp: z.iso.datetime({ offset: true }).optional(),
  succeeded: queryBoolean.nullable().optional(),
  query: z.string().max(256).optional(),
  httpCodeClass: z.enum(['2xx', '3xx', '4xx', '5xx']).optional(),
  eventType: z.union([polarWebhookEventType, z.array(polarWebhookEventType)]).optional(),
  ...pageInput,
});
export type WebhookDeliveryListInput = z.infer<typeof webhookDeliveryListInput>;

export const webhookEventRedeliverInput = z.object({ id: polarId });
export const webhookRedelivery = z.object({ redelivered: z.int() });

/** One delivery of either surface as the console and `admin webhook deliveries` show it: its state, not each attempt. */
export const deliverySummary = z
  .object({
    id: z.string(),
    surface: surfaceName,
    eventId: z.string(),
    type: z.string(),
    endpointId: z.string(),
    url: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.int(),
    lastHttpCode: z.int().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'DeliverySummary' });
/** Deliveries a page of `webhooks.deliveries.recent` holds; a caller knows another page follows when one is full. */
export const deliveriesPerPage = 100;
/** A page of deliveries, newest first. */
export const recentDeliveriesInput = z.object({
  failedOnly: z.boolean().default(false),
  page: z.int().min(1).max(10_000).default(1),
});

/** One delivery opened: what was sent, and each attempt with the receiver's answer. */
export const deliveryDetail = deliverySummary
  .extend({
    payload: z.string(),
    attempts: z.int(),
    tries: z.array(
      z.object({
        createdAt: z.string(),
        succeeded: z.boolean(),
        httpCode: z.int().nullable(),
        response: z.string().nullable(),
        durationMs: z.int(),
      }),
    ),
  })
  .meta({ id: 'DeliveryDetail' });
export const deliveryByIdInput = z.object({ id: z.guid() });
