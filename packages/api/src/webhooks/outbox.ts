import { randomUUID } from 'node:crypto';
import {
  toWire,
  type KardowEventData,
  type KardowEventType,
  type PolarEventData,
  type PolarEventType,
  type SurfaceName,
} from '@members/contracts';
import { WebhookDelivery, WebhookEvent, type EntityManager } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { deliveriesScheduled } from './outbox-signal.js';

/**
 * Writes an event and one delivery per endpoint subscribed to it, in the caller's transaction: a change that
 * commits always has its event, a change rolled back never does. With no endpoint subscribed nothing is written.
 */
async function emit(
  tx: RequestScope,
  surface: SurfaceName,
  type: KardowEventType | PolarEventType,
  orderingKey: string,
  body: Record<string, unknown>,
): Promise<void> {
  const subscribed = await tx.subscribers.to(tx.em, tx.organization.id, surface, type);
  if (subscribed.length === 0) return;
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

/** Kardow's body: `{"event", "timestamp", "data"}`, data as the catalogue (`kardowEvents`) gives it. */
export const emitKardow = <E extends KardowEventType>(
  tx: RequestScope,
  event: E,
  memberId: string,
  data: KardowEventData<E>,
) => emit(tx, 'kardow', event, memberId, { event, timestamp: new Date().toISOString(), data });

/** Polar's body: `{"type", "timestamp", "data"}`, data (`polarEvents`) snake_case as Polar's API serves it. */
export const emitPolar = <E extends PolarEventType>(
  tx: RequestScope,
  type: E,
  orderingKey: string,
  data: PolarEventData<E>,
) => emit(tx, 'polar', type, orderingKey, { type, timestamp: new Date().toISOString(), data: toWire(data) });
