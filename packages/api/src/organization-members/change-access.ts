import { namesAPlan, type MemberAccessInput, type MemberAccessResult } from '@members/contracts';
import type { EntityManager, Member, Plan, Subscription } from '@members/db';
import { invalidField, notFound } from '../errors.js';
import { planByIdentifier } from './plan-repository.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { finishErasure, scrubbed, scrubEvents, type Eraser, type Erasure } from '../erasure/copies.js';
import { kardowMemberEraser } from '../erasure/kardow-member.js';
import { memberFromEntity } from './member-columns.js';
import * as organizationMembers from './member-repository.js';
import { toAccessOutput } from './serialize.js';
import { paymentCountOf } from './payment-repository.js';
import { latestSubscriptionOf, subscriptionCountOf } from './subscription-repository.js';
import { syncSubscription } from './sync-subscription.js';
import { reportAccessChange } from './events.js';
import { emitKardow } from '../webhooks/outbox.js';

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

async function memberNamed(tx: RequestScope, input: MemberAccessInput) {
  // The contract requires one of the two.
  const where = input.userId !== undefined ? { id: input.userId } : { email: input.email ?? '' };
  const member = await organizationMembers.findOne(tx, where, { lock: true });
  if (!member) throw notFound(`No member ${input.userId ?? input.email}`);
  if (input.userId !== undefined && input.email !== undefined && member.email !== input.email) {
    throw invalidField('email', 'email and userId name different members', `does not belong to member ${input.userId}`);
  }
  return member;
}

async function subscriptionNamed(tx: EntityManager, member: Member, input: MemberAccessInput, plan: Plan | null) {
  const where =
    input.stripeSubscriptionId !== undefined
      ? { stripeSubscriptionId: input.stripeSubscriptionId }
      : plan
        ? { plan }
        : {};
  return latestSubscriptionOf(tx, member, where);
}

/** Kardow `POST /members/access`: one lifecycle step, in one transaction. */
export async function changeAccess(scope: RequestScope, input: MemberAccessInput): Promise<MemberAccessResult> {
  let erasure: Erasure | undefined;
  const result = await inTransaction(scope, async (tx) => {
    const member = await memberNamed(tx, input);
    if (input.action === 'delete_member') {
      erasure = { surface: 'kardow', eraser: kardowMemberEraser(member.id, member.email), quoted: [member.email] };
      return eraseMember(tx, member, erasure.eraser);
    }
    return changeSubscription(tx, member, { ...input, action: input.action });
  });
  if (erasure) await finishErasure(scope, erasure);
  return result;
}

/**
 * `delete_member` is an erasure: the member's row goes with its subscriptions and payments (ON DELETE CASCADE), the
 * events written about it keep its id but none of its values, and its `user.deleted` says only whom it was about.
 */
async function eraseMember(tx: RequestScope, member: Member, eraser: Eraser): Promise<MemberAccessResult> {
  const [subscriptions, payments] = await Promise.all([
    subscriptionCountOf(tx.em, member),
    paymentCountOf(tx.em, member),
  ]);
  await organizationMembers.deleteById(tx, member.id);
  await scrubEvents(tx, [member.id], eraser);
  await emitKardow(tx, 'user.deleted', member.id, { member: scrubbed(memberFromEntity(member), eraser) });
  return { deleted: { memberId: member.id, email: member.email, subscriptions, payments } };
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
