import { rawQuery, Subscription, type EntityManager, type Member, type Plan } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { foldIfCrowded, surplusRows } from '../tally.js';

/** Every query of the `subscription` table. */

/** A member's subscriptions, oldest first. */
export const subscriptionsOf = (em: EntityManager, member: Member) =>
  em.find(Subscription, { member }, { orderBy: { createdAt: 'asc' } });

export const subscriptionCountOf = (em: EntityManager, member: Member) => em.count(Subscription, { member });

/** The member's newest subscription that has this Stripe id, or is to this plan (any of theirs without either). */
export const latestSubscriptionOf = (
  em: EntityManager,
  member: Member,
  where: { stripeSubscriptionId?: string; plan?: Plan },
) => em.findOne(Subscription, { member, ...where }, { orderBy: { createdAt: 'desc' } });

/** The organization's subscription with this Stripe id, whichever member holds it. */
export const subscriptionByStripeId = (em: EntityManager, organization: Member['organization'], stripeId: string) =>
  em.findOne(Subscription, { organization, stripeSubscriptionId: stripeId });

/**
 * The counts the overview reads, summed from `subscription_tally` (kept by the triggers of the overview_tallies
 * migration), with each plan's name.
 */
export async function countsByPlanAndStatus(scope: RequestScope) {
  const { id } = scope.organization;
  const rows = await rawQuery<{
    plan_id: string;
    plan_name: string | null;
    status: string;
    delta_sum: string | number | null;
    tally_rows: string | number;
  }>(
    scope.em,
    `select t.plan_id, p.name as plan_name, t.status, t.delta_sum, t.tally_rows from (
       select plan_id, status, sum(delta) as delta_sum, count(*) as tally_rows from subscription_tally
       where organization_id = ? group by plan_id, status
     ) t left join plan p on p.id = t.plan_id`,
    [id],
  );
  await foldIfCrowded(
    scope,
    { table: 'subscription_tally', key: { organization_id: id }, groups: ['plan_id', 'status'] },
    surplusRows(rows),
  );
  return rows.map((row) => ({
    planId: row.plan_id,
    planName: row.plan_name ?? row.plan_id,
    status: row.status,
    count: Number(row.delta_sum ?? 0),
  }));
}
