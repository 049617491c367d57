import { randomUUID } from 'node:crypto';
import type { AccessInput } from '@members/contracts';
import type { Access } from '@members/contracts';
import { Subscription, type EntityManager, type Member, type Plan } from '@members/db';
import { conflict } from '../errors.js';
import { toAccessOutput } from './serialize.js';
import { latestSubscriptionOf, subscriptionByStripeId } from './subscription-repository.js';

const toDate = (value: string | null | undefined) => (value == null ? value : new Date(value));

/**
 * The access block lands on the member's subscription with the same stripeSubscriptionId, else on the member's
 * subscription to that plan, else on a new one. A Stripe subscription id held by another member is a conflict.
 */
export async function syncSubscription(
  tx: EntityManager,
  member: Member,
  plan: Plan,
  access: AccessInput,
): Promise<{ subscription: Subscription; before: Access | null }> {
  let subscription: Subscription | null = null;
  if (access.stripeSubscriptionId) {
    subscription = await subscriptionByStripeId(tx, member.organization, access.stripeSubscriptionId);
    if (subscription && subscription.member.id !== member.id) {
      throw conflict(`stripeSubscriptionId ${access.stripeSubscriptionId} belongs to another member`);
    }
  }
  subscription ??= await latestSubscriptionOf(tx, member, { plan });
  if (!subscription) {
    const now = new Date();
    const created = tx.create(Subscription, {
      id: randomUUID(),
      organization: member.organization,
      member,
      plan,
      status: access.status ?? 'active',
      stripeSubscriptionId: access.stripeSubscriptionId ?? null,
      currentPeriodStart: toDate(access.currentPeriodStart) ?? null,
      currentPeriodEnd: toDate(access.currentPeriodEnd) ?? null,
      cancelAt: toDate(access.cancelAt) ?? null,
      canceledAt: toDate(access.canceledAt) ?? null,
      jobsRemaining: access.jobsRemaining !== undefined ? access.jobsRemaining : (plan.jobsIncluded ?? null),
      metadata: access.metadata ?? null,
      createdAt: now,
      updatedAt: now,
    });
    return { subscription: created, before: null };
  }
  const before = toAccessOutput(subscription);
  subscription.plan = plan;
  if (access.status !== undefined) subscription.status = access.status;
  if (access.stripeSubscriptionId !== undefined) subscription.stripeSubscriptionId = access.stripeSubscriptionId;
  if (access.currentPeriodStart !== undefined) subscription.currentPeriodStart = toDate(access.currentPeriodStart);
  if (access.currentPeriodEnd !== undefined) subscription.currentPeriodEnd = toDate(access.currentPeriodEnd);
  if (access.cancelAt !== undefined) subscription.cancelAt = toDate(access.cancelAt);
  if (access.canceledAt !== undefined) subscription.canceledAt = toDate(access.canceledAt);
  if (access.jobsRemaining !== undefined) subscription.jobsRemaining = access.jobsRemaining;
  if (access.metadata !== undefined) subscription.metadata = access.metadata;
  return { subscription, before };
}
