import {
  deliveriesPerPage,
  type WebhookDelivery as WebhookDeliveryOutput,
  type WebhookDeliveryListInput,
  type SurfaceName,
} from '@members/contracts';
import { rawQuery, WebhookAttempt, WebhookDelivery, WebhookEvent, type FilterQuery, type Loaded } from '@members/db';
import { scheduleDelivery } from './outbox.js';
import { notFound } from '../errors.js';
import { paginationOf } from '../pagination.js';
import type { RequestScope } from '../request-scope.js';

type EventType = WebhookDeliveryOutput['webhookEvent']['type'];

function toPolarDelivery(attempt: WebhookAttempt, eventSucceeded: boolean | null): WebhookDeliveryOutput {
  const { event } = attempt;
  return {
    createdAt: attempt.createdAt.toISOString(),
    modifiedAt: null,
    id: attempt.id,
    succeeded: attempt.succeeded,
    httpCode: attempt.httpCode ?? null,
    response: attempt.response ?? null,
    webhookEvent: {
      createdAt: event.createdAt.toISOString(),
      modifiedAt: null,
      id: event.id,
      lastHttpCode: attempt.httpCode ?? null,
      succeeded: eventSucceeded,
      skipped: false,
      payload: event.payload,
      // Polar events are written with Polar's own type names.
      type: event.type as EventType,
      isArchived: false,
    },
  };
}

/** Polar's `GET /v1/webhooks/deliveries`: each attempt to deliver one of the organization's Polar events. */
export async function listDeliveries(scope: RequestScope, input: WebhookDeliveryListInput) {
  const list = <T>(value: T | T[] | undefined) => (value === undefined ? undefined : [value].flat());
  const endpoints = list(input.endpointId);
  const types = list(input.eventType);
  const codeClass = input.httpCodeClass ? Number(input.httpCodeClass[0]) * 100 : undefined;
  const where: FilterQuery<WebhookAttempt> = {
    organization: scope.organization.id,
    event: {
      surface: 'polar',
      ...(types ? { type: { $in: types } } : {}),
      ...(input.query ? { payload: { $like: `%${input.query.replace(/[\\%_]/g, '')}%` } } : {}),
    },
    ...(endpoints ? { endpoint: { $in: endpoints } } : {}),
    ...(input.succeeded != null ? { succeeded: input.succeeded } : {}),
    ...(codeClass ? { httpCode: { $gte: codeClass, $lt: codeClass + 100 } } : {}),
    ...(input.startTimestamp || input.endTimestamp
      ? {
          createdAt: {
            ...(input.startTimestamp ? { $gte: new Date(input.startTimestamp) } : {}),
            ...(input.endTimestamp ? { $lte: new Date(input.endTimestamp) } : {}),
          },
        }
      : {}),
  };
  const [attempts, total] = await scope.em.findAndCount(WebhookAttempt, where, {
    populate: ['event'],
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: input.limit,
    offset: (input.page - 1) * input.limit,
  });
  const succeededEvents = new Set(
    (
      await scope.em.find(
        WebhookAttempt,
        { event: { $in: attempts.map((attempt) => attempt.event.id) }, succeeded: true },
        { fields: ['event'] },
      )
    ).map((attempt) => attempt.event.id),
  );
  return {
    items: attempts.map((attempt) => toPolarDelivery(attempt, succeededEvents.has(attempt.event.id))),
    pagination: paginationOf(total, input.limit),
  };
}

/** Polar's redeliver: a new delivery of the event to each endpoint that had one, sent as soon as a worker passes. */
export async function redeliverEvent(scope: RequestScope, eventId: string) {
  const event = await scope.em.findOne(WebhookEvent, {
    id: eventId,
    organization: scope.organization.id,
    surface: 'polar',
  });
  if (!event) throw notFound('Webhook event not found');
  const previous = await scope.em.find(WebhookDelivery, { event }, { fields: ['endpoint', 'orderingKey'] });
  const endpoints = [...new Set(previous.map((delivery) => delivery.endpoint.id))];
  for (const endpoint of endpoints) scheduleDelivery(scope.em, event, endpoint, 0);
  await scope.em.flush();
  return { redelivered: endpoints.length };
}

/**
 * A page of the scope's organization's deliveries (or only those given up on), newest first: for
 * `webhooks.deliveries.recent` and the admin command `webhook deliveries`. Offset pages are enough here: pruning
 * keeps the table to its retention window.
 */
export async function recentDeliveries(scope: RequestScope, failedOnly: boolean, page = 1) {
  const deliveries = await scope.em.find(
    WebhookDelivery,
    { endpoint: { organization: scope.organization.id }, ...(failedOnly ? { status: 'failed' as const } : {}) },
    {
      populate: ['event', 'endpoint'],
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: deliveriesPerPage,
      offset: (page - 1) * deliveriesPerPage,
    },
  );
  return deliveries.map(summaryOf);
}

function summaryOf(delivery: Loaded<WebhookDelivery, 'event' | 'endpoint'>) {
  return {
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
  };
}

/** One delivery of the organization, opened: its event's payload and each attempt, oldest first. */
export async function deliveryDetail(scope: RequestScope, id: string) {
  const delivery = await scope.em.findOne(
    WebhookDelivery,
    { id, endpoint: { organization: scope.organization.id } },
    { populate: ['event', 'endpoint'] },
  );
  if (!delivery) throw notFound(`No webhook delivery ${id}`);
  const tries = await scope.em.find(WebhookAttempt, { delivery }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return {
    ...summaryOf(delivery),
    payload: delivery.event.payload,
    tries: tries.map((attempt) => ({
      createdAt: attempt.createdAt.toISOString(),
      succeeded: attempt.succeeded,
      httpCode: attempt.httpCode ?? null,
      response: attempt.response ?? null,
      durationMs: attempt.durationMs,
    })),
  };
}

/**
 * Deliveries created since `since` by outcome, and the endpoints slowest to answer since then: the overview's webhook
 * health. Each reads one range of an index per endpoint (`webhook_delivery_endpoint_created`,
 * `webhook_attempt_organization_created_index`), so its cost is the day's traffic, not the table's.
 */
export async function healthSince(scope: RequestScope, since: Date) {
  const at = scope.dialect === 'postgresql' ? since : since.getTime();
  const { id } = scope.organization;
  const [outcomes, slowest] = await Promise.all([
    rawQuery<{ status: 'pending' | 'succeeded' | 'failed'; tried: boolean | number; deliveries: string | number }>(
      scope.em,
      `select d.status, d.attempts > 0 as tried, count(*) as deliveries
       from webhook_endpoint e join webhook_delivery d on d.endpoint_id = e.id
       where e.organization_id = ? and d.created_at >= ? group by d.status, d.attempts > 0`,
      [id, at],
    ),
    rawQuery<{
      endpoint_id: string;
      url: string;
      surface: SurfaceName;
      attempts: string | number;
      average_ms: string | number;
      max_ms: string | number;
    }>(
      scope.em,
      `select a.endpoint_id, e.url, e.surface, count(*) as attempts, avg(a.duration_ms) as average_ms,
         max(a.duration_ms) as max_ms
       from webhook_attempt a join webhook_endpoint e on e.id = a.endpoint_id
       where a.organization_id = ? and a.created_at >= ?
       group by a.endpoint_id, e.url, e.surface order by average_ms desc limit 5`,
      [id, at],
    ),
  ]);
  const count = (status: string, tried?: boolean) =>
    outcomes
      .filter((row) => row.status === status && (tried === undefined || Boolean(row.tried) === tried))
      .reduce((sum, row) => sum + Number(row.deliveries), 0);
  return {
    since: since.toISOString(),
    succeeded: count('succeeded'),
    retrying: count('pending', true),
    queued: count('pending', false),
    failed: count('failed'),
    slowestEndpoints: slowest.map((row) => ({
      endpointId: row.endpoint_id,
      url: row.url,
      surface: row.surface,
      attempts: Number(row.attempts),
      averageMs: Math.round(Number(row.average_ms)),
      maxMs: Number(row.max_ms),
    })),
  };
}
