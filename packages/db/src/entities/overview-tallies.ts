import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * +1 and -1 rows that database triggers append as members are created and deleted, by the UTC day of their
 * `created_at`: the overview's new members per day. Written by the overview_tallies migration; folded when crowded.
 */
export const MemberDayTally = defineEntity({
  name: 'MemberDayTally',
  tableName: 'member_day_tally',
  properties: (p) => ({
    id: p.bigint().primary().autoincrement(),
    organizationId: p.integer(),
    day: p.string(),
    delta: p.integer(),
  }),
  indexes: [{ name: 'member_day_tally_key', properties: ['organizationId', 'day'] }],
});
export type MemberDayTally = InferEntity<typeof MemberDayTally>;

/** The same for subscriptions, by plan and status: the overview's subscriptions by status and by plan. */
export const SubscriptionTally = defineEntity({
  name: 'SubscriptionTally',
  tableName: 'subscription_tally',
  properties: (p) => ({
    id: p.bigint().primary().autoincrement(),
    organizationId: p.integer(),
    planId: p.uuid(),
    status: p.string(),
    delta: p.integer(),
  }),
  indexes: [{ name: 'subscription_tally_key', properties: ['organizationId'] }],
});
export type SubscriptionTally = InferEntity<typeof SubscriptionTally>;
