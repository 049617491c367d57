import type { MemberDetail, SubscriptionStatus } from '@members/contracts';
import type { Subscription } from '@members/db';
import { notFound } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import { memberFromEntity } from './member-columns.js';
import * as organizationMembers from './member-repository.js';
import { paymentsOf } from './payment-repository.js';
import { toAccessOutput, toPaymentOutput } from './serialize.js';
import { subscriptionsOf } from './subscription-repository.js';

const grantingStatuses: readonly SubscriptionStatus[] = ['active', 'trialing'];

/** A subscription grants access while active or trialing and its current period has not ended. */
export function grantsAccess(subscription: Pick<Subscription, 'status' | 'currentPeriodEnd'>, now: Date): boolean {
  return (
    grantingStatuses.includes(subscription.status) &&
    (subscription.currentPeriodEnd == null || subscription.currentPeriodEnd > now)
  );
}

/** Kardow `GET /members/{lookup}`: by uuid or by email (case-insensitive), within the key's organization. */
export async function lookupMember(scope: RequestScope, lookup: string): Promise<MemberDetail> {
  const member = await organizationMembers.findByLookup(scope, lookup);
  if (!member) throw notFound(`No member ${lookup}`);
  const [subscriptions, payments] = await Promise.all([
    subscriptionsOf(scope.em, member),
    paymentsOf(scope.em, member),
  ]);
  const now = new Date();
  return {
    member: memberFromEntity(member),
    subscriptions: subscriptions.map(toAccessOutput),
    payments: payments.map(toPaymentOutput),
    hasValidPaywallSubscription: subscriptions.some((subscription) => grantsAccess(subscription, now)),
  };
}
