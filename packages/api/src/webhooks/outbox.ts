import { randomUUID } from 'node:crypto';
import {
  toWire,
  type KardowEventData,
  type KardowEventType,
  type PolarEventData,
  type PolarEventType,
  type SurfaceName,
} from '@members/contracts';
import { WebhookDelivery, WebhookEvent, type EntityManager, type Statement } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { deliveriesScheduled, eventLogged } from './outbox-signal.js';

/**
 * Writes an event to the log and one delivery per endpoint subscribed to it, in the caller's transaction: a change
 * that commits always has its event, a change rolled back never does. The log keeps it whether or not anyone
 * subscribes: `events.list` and `events.stream` read it.
 */
async function emit(
  tx: RequestScope,
  surface: SurfaceName,
  type: KardowEventType | PolarEventType,
  orderingKey: string,
  body: Record<string, unknown>,
): Promise<void> {
  const subscribed = await tx.subscribers.to(tx.em, tx.organization.id, surface, type);
  const now = new Date();
  const event = tx.em.create(WebhookEvent, {
    id: randomUUID(),
    organization: tx.organization.id,
    surface,
    type,
    payload: JSON.stringify(body),
    orderingKey,
    createdAt: now,
  });
  const sequence = (tx.emitted = (tx.emitted ?? 0) + 1);
  for (const endpoint of subscribed) scheduleDelivery(tx.em, event, endpoint.id, sequence);
  eventLogged();
}

/** A delivery of `event` to an endpoint, due now. */
export function scheduleDelivery(em: EntityManager, event: WebhookEvent, endpointId: string, sequence: number) {
  const now = new Date();
  em.create(WebhookDelivery, {
    id: randomUUID(),
    event,
    endpoint: endpointId,
    orderingKey: event.orderingKey,
    sequence,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leasedUntil: null,
    firstAttemptedAt: null,
    lastHttpCode: null,
    createdAt: now,
    modifiedAt: null,
  });
  deliveriesScheduled();
}

/** An event as `logStatement` writes it: what `emit` writes, without deliveries. */
export interface LoggedBody {
  surface: SurfaceName;
  type: KardowEventType | PolarEventType;
  orderingKey: string;
  body: Record<string, unknown>;
}

/**
 * The insert that logs `events` with a change no webhook hears, for `writeTogether` to send with it (the database
 * gives each its position). Say `eventLogged()` once it has committed.
 */
export function logStatement(scope: RequestScope, events: readonly LoggedBody[]): Statement {
  const now = new Date();
  return {
    sql: `insert into webhook_event (id, organization_id, surface, type, payload, ordering_key, created_at) values ${events
      .map(() => '(?, ?, ?, ?, ?, ?, ?)')
      .join(', ')}`,
    values: events.flatMap((event) => [
      randomUUID(),
      scope.organization.id,
      event.surface,
      event.type,
      JSON.stringify(event.body),
      event.orderingKey,
      now,
    ]),
  };
}

/** Kardow's event body. */
export const kardowBody = <E extends KardowEventType>(event: E, data: KardowEventData<E>) => ({
  event,
  timestamp: new Date().toISOString(),
  data,
});

/** Polar's event body, data in snake_case. */
export const polarBody = <E extends PolarEventType>(type: E, data: PolarEventData<E>) => ({
  type,
  timestamp: new Date().toISOString(),
  data: toWire(data),
});

/** Kardow's body: `{"event", "timestamp", "data"}`, data as the catalogue (`kardowEvents`) gives it. */
export const emitKardow = <E extends KardowEventType>(
  tx: RequestScope,
  event: E,
  memberId: string,
  data: KardowEventData<E>,
) => emit(tx, 'kardow', event, memberId, kardowBody(event, data));

/** Polar's body: `{"type", "timestamp", "data"}`, data (`polarEvents`) snake_case as Polar's API serves it. */
export const emitPolar = <E extends PolarEventType>(
  tx: RequestScope,
  type: E,
  orderingKey: string,
  data: PolarEventData<E>,
) => emit(tx, 'polar', type, orderingKey, polarBody(type, data));
