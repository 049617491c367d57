import { looseUuid, type MemberDetail, type SubscriptionStatus } from '@members/contracts';
import { Member, Payment, Subscription } from '@members/db';
import { notFound } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import { memberFromEntity } from './member-repository.js';
import { toAccessOutput, toPaymentOutput } from './serialize.js';

const grantingStatuses: readonly SubscriptionStatus[] = ['active', 'trialing'];

/** A subscription grants access while active or trialing and its current period has not ended. */
export function grantsAccess(subscription: Pick<Subscription, 'status' | 'currentPeriodEnd'>, now: Date): boolean {
  return (
    grantingStatuses.includes(subscription.status) &&
    (subscription.currentPeriodEnd == null || subscription.currentPeriodEnd > now)
  );
}

/** Kardow `GET /members/{lookup}`: by uuid or by email (case-insensitive), within the key's organization. */
export async function lookupMember({ em, organization }: RequestScope, lookup: string): Promise<MemberDetail> {
  const id = looseUuid.safeParse(lookup);
  const where = id.success ? { id: id.data } : { email: lookup.toLowerCase() };
  const member = await em.findOne(Member, { ...where, organization: organization.id });
  if (!member) throw notFound(`No member ${lookup}`);
  const [subscriptions, payments] = await Promise.all([
    em.find(Subscription, { member }, { orderBy: { createdAt: 'asc' } }),
    em.find(Payment, { member }, { orderBy: { createdAt: 'asc' } }),
  ]);
  const now = new Date();
  return {
    member: memberFromEntity(member),
    subscriptions: subscriptions.map(toAccessOutput),
    payments: payments.map(toPaymentOutput),
    hasValidPaywallSubscription: subscriptions.some((subscription) => grantsAccess(subscription, now)),
  };
}
