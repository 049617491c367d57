import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Organization } from './organization.js';

/** A plan a subscription is for; sync finds it by id, Stripe price, PayPal plan or name. */
export const Plan = defineEntity({
  name: 'Plan',
  tableName: 'plan',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    name: p.string().length(255),
    stripePriceId: p.string().length(255).nullable(),
    paypalPlanId: p.string().length(255).nullable(),
    jobsIncluded: p.integer().nullable(),
    createdAt: p.datetime(),
  }),
  uniques: [
    { name: 'plan_organization_name_unique', properties: ['organization', 'name'] },
    { name: 'plan_organization_stripe_price_unique', properties: ['organization', 'stripePriceId'] },
    { name: 'plan_organization_paypal_plan_unique', properties: ['organization', 'paypalPlanId'] },
  ],
});
export type Plan = InferEntity<typeof Plan>;
