import { z } from 'zod';
import { access, organizationMember, payment } from '../kardow/organization-member.js';
import { customer } from '../polar/customer.js';
import { customerMember } from '../polar/customer-member.js';

/**
 * Every event this service sends, by name, with the schema of its `data`: one place that `emit` is typed by, the
 * OpenAPI document's `webhooks` lists, and a subscription's event names are checked against. Kardow's bodies are
 * `{"event", "timestamp", "data"}`; Polar's `{"type", "timestamp", "data"}`, data snake_case as Polar serves it.
 */
export const kardowEvents = {
  'user.created': z.object({ member: organizationMember }),
  'user.updated': z.object({ member: organizationMember }),
  'user.deleted': z.object({ member: organizationMember }),
  'subscription.created': z.object({ access }),
  'subscription.updated': z.object({ access }),
  'subscription.canceled': z.object({ access }),
  'payment.received': z.object({ payment }),
};
export const polarEvents = {
  'member.created': customerMember,
  'member.updated': customerMember,
  'member.deleted': customerMember,
  'customer.created': customer,
  'customer.updated': customer,
  'customer.deleted': customer,
};

export type KardowEventType = keyof typeof kardowEvents;
export type PolarEventType = keyof typeof polarEvents;
export type KardowEventData<E extends KardowEventType> = z.input<(typeof kardowEvents)[E]>;
export type PolarEventData<E extends PolarEventType> = z.input<(typeof polarEvents)[E]>;

const namesOf = <T extends object>(catalogue: T) => Object.keys(catalogue) as (keyof T & string)[];
export const kardowEventTypes = namesOf(kardowEvents);
export const polarEmittedEventTypes = namesOf(polarEvents);

/** Every event type Polar's official document lets an endpoint subscribe to (only some ever happen here). */
export const polarWebhookEventType = z.enum([
  'checkout.created',
  'checkout.updated',
  'checkout.expired',
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.state_changed',
  'customer_seat.assigned',
  'customer_seat.claimed',
  'customer_seat.revoked',
  'member.created',
  'member.updated',
  'member.deleted',
  'order.created',
  'order.updated',
  'order.paid',
  'order.refunded',
  'subscription.created',
  'subscription.updated',
  'subscription.active',
  'subscription.canceled',
  'subscription.uncanceled',
  'subscription.revoked',
  'subscription.past_due',
  'refund.created',
  'refund.updated',
  'product.created',
  'product.updated',
  'benefit.created',
  'benefit.updated',
  'benefit_grant.created',
  'benefit_grant.cycled',
  'benefit_grant.updated',
  'benefit_grant.revoked',
  'organization.updated',
]);
