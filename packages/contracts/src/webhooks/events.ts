import { z } from 'zod';

/** What this service tells Kardow subscribers: member, subscription and payment changes. */
export const kardowEventTypes = [
  'user.created',
  'user.updated',
  'user.deleted',
  'subscription.created',
  'subscription.updated',
  'subscription.canceled',
  'payment.received',
] as const;
export type KardowEventType = (typeof kardowEventTypes)[number];

/** What this service tells Polar endpoints: member and customer changes. */
export const polarEmittedEventTypes = [
  'member.created',
  'member.updated',
  'member.deleted',
  'customer.created',
  'customer.updated',
  'customer.deleted',
] as const;
export type PolarEventType = (typeof polarEmittedEventTypes)[number];

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
