import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { subscriptionStatus, type JsonObject } from '@members/contracts';
import { Member } from './member.js';
import { Organization } from './organization.js';
import { Plan } from './plan.js';

/** A member's access to a plan: what Kardow calls the `access` block. */
export const Subscription = defineEntity({
  name: 'Subscription',
  tableName: 'subscription',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    member: () => p.manyToOne(Member).deleteRule('cascade').index(),
    plan: () => p.manyToOne(Plan),
    status: p.enum(subscriptionStatus.options),
    stripeSubscriptionId: p.string().length(255).nullable(),
    currentPeriodStart: p.datetime().nullable(),
    currentPeriodEnd: p.datetime().nullable(),
    cancelAt: p.datetime().nullable(),
    canceledAt: p.datetime().nullable(),
    jobsRemaining: p.integer().nullable(),
    metadata: p.json<JsonObject>().nullable(),
    createdAt: p.datetime(),
    /** Set by the ORM only when a flush really changes the row. */
    updatedAt: p.datetime().onUpdate(() => new Date()),
  }),
  uniques: [{ name: 'subscription_organization_stripe_unique', properties: ['organization', 'stripeSubscriptionId'] }],
});
export type Subscription = InferEntity<typeof Subscription>;
