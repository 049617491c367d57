import { namesAPlan, type MemberAccessInput, type MemberAccessResult } from '@members/contracts';
import type { EntityManager, Member, Plan, Subscription } from '@members/db';
import { invalidField, notFound } from '../errors.js';
import { planByIdentifier } from './plan-repository.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { eraseMember } from './erase-member.js';
import { memberNamed } from './member-named.js';
import { toAccessOutput } from './serialize.js';
import { latestSubscriptionOf } from './subscription-repository.js';
import { syncSubscription } from './sync-subscription.js';
import { reportAccessChange } from './events.js';

type Action = MemberAccessInput['action'];

const activate = (s: Subscription) => {
  s.status = 'active';
  s.cancelAt = null;
  s.canceledAt = null;
};

/** A step scheduled for `at`: the subscription stays as it is, and valid, until then. */
const endBy = (s: Subscription, at: Date) => {
  s.cancelAt = at;
  if (!s.currentPeriodEnd || s.currentPeriodEnd > at) s.currentPeriodEnd = at;
};

/** What each action does to a subscription, effective at `at` (in the future for a scheduled step). */
const transitions: Record<
  Exclude<Action, 'delete_member'>,
  (subscription: Subscription, at: Date, now: Date) => void
> = {
  activate,
  reactivate: activate,
  expire_now: (s, at, now) => {
    if (at > now) return endBy(s, at);
    s.status = 'expired';
    s.currentPeriodEnd = at;
  },
  cancel_now: (s, at, now) => {
    if (at > now) {
      s.canceledAt = now;
      return endBy(s, at);
    }
    s.status = 'canceled';
    s.canceledAt = at;
    s.cancelAt = null;
    s.currentPeriodEnd = at;
  },
  // Access continues until the period ends; only the intent is recorded (as Stripe records `canceled_at`).
  cancel_at_period_end: (s, _at, now) => {
    if (!s.currentPeriodEnd) {
      throw invalidField(
        'action',
        'The subscription has no currentPeriodEnd to cancel at; use cancel_now with an effectiveAt',
        'cancel_at_period_end needs a subscription with a currentPeriodEnd',
      );
    }
    s.cancelAt = s.currentPeriodEnd;
    s.canceledAt = now;
  },
  mark_past_due: (s) => {
    s.status = 'past_due';
  },
};

async function subscriptionNamed(tx: EntityManager, member: Member, input: MemberAccessInput, plan: Plan | null) {
  const where =
    input.stripeSubscriptionId !== undefined
      ? { stripeSubscriptionId: input.stripeSubscriptionId }
      : plan
        ? { plan }
        : {};
  return latestSubscriptionOf(tx, member, where);
}

/** Kardow `POST /members/access`: one lifecycle step, in one transaction; `delete_member` is an erasure. */
export async function changeAccess(scope: RequestScope, input: MemberAccessInput): Promise<MemberAccessResult> {
  if (input.action === 'delete_member') return { deleted: await eraseMember(scope, input) };
  const action = input.action;
  return inTransaction(scope, async (tx) => changeSubscription(tx, await memberNamed(tx, input), { ...input, action }));
}

async function changeSubscription(
  tx: RequestScope,
  member: Member,
  input: MemberAccessInput & { action: Exclude<Action, 'delete_member'> },
): Promise<MemberAccessResult> {
  const now = new Date();
  const at = input.effectiveAt ? new Date(input.effectiveAt) : now;
  // An unknown plan is the caller's 422 whatever the action, as in sync.
  const plan = namesAPlan(input) ? await planByIdentifier(tx, input, []) : null;
  let subscription = await subscriptionNamed(tx.em, member, input, plan);
  let before = subscription ? toAccessOutput(subscription) : null;
  if (!subscription && input.action === 'activate' && plan) {
    ({ subscription, before } = await syncSubscription(tx.em, member, plan, {
      planId: plan.id,
      stripeSubscriptionId: input.stripeSubscriptionId,
      currentPeriodStart: at.toISOString(),
    }));
  }
  if (!subscription) throw notFound(`Member ${member.email} has no such subscription`);
  transitions[input.action](subscription, at, now);
  const access = toAccessOutput(subscription);
  await reportAccessChange(tx, before, access);
  return access;
}
