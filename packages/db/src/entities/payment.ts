import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { paymentStatus, type JsonObject } from '@members/contracts';
import { Member } from './member.js';
import { Organization } from './organization.js';
import { Plan } from './plan.js';

/**
 * A recorded payment. The unique Stripe ids per organization are what make a retried webhook record a payment
 * once: NULLs never collide, so payments without Stripe ids are not constrained.
 */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    member: () => p.manyToOne(Member).deleteRule('cascade').index(),
    jobId: p.uuid(),
    plan: () => p.manyToOne(Plan).nullable(),
    amount: p.decimal('number').precision(19).scale(4),
    currency: p.string().length(3),
    status: p.enum(paymentStatus.options),
    paymentProvider: p.string().length(64).nullable(),
    stripeSessionId: p.string().length(255).nullable(),
    stripePaymentIntentId: p.string().length(255).nullable(),
    metadata: p.json<JsonObject>().nullable(),
    createdAt: p.datetime(),
  }),
  uniques: [
    { name: 'payment_organization_intent_unique', properties: ['organization', 'stripePaymentIntentId'] },
    { name: 'payment_organization_session_unique', properties: ['organization', 'stripeSessionId'] },
  ],
});
export type Payment = InferEntity<typeof Payment>;
