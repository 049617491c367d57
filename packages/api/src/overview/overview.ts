import {
  approvalStatus,
  memberRole,
  subscriptionStatus,
  type OverviewMembers,
  type OverviewSubscriptions,
} from '@members/contracts';
import type { RequestScope } from '../request-scope.js';
import * as organizationMembers from '../organization-members/member-repository.js';
import * as subscriptions from '../organization-members/subscription-repository.js';

const dayMs = 24 * 60 * 60 * 1000;
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A count per value of an enum, in the enum's order, zeros included: a chart's bars never move about. */
function perValue<V extends string>(values: readonly V[], counted: { value: string; count: number }[]) {
  return values.map((value) => ({
    value,
    count: counted.filter((row) => row.value === value).reduce((sum, row) => sum + row.count, 0),
  }));
}

export async function membersOverview(scope: RequestScope, input: { days: 30 | 90 }): Promise<OverviewMembers> {
  const today = Date.now();
  const days = Array.from({ length: input.days }, (_, back) => utcDay(today - (input.days - 1 - back) * dayMs));
  const [counts, perDay] = await Promise.all([
    organizationMembers.countsByRoleAndApproval(scope),
    organizationMembers.countsByDay(scope, days[0] ?? utcDay(today)),
  ]);
  const byDay = new Map(perDay.map((row) => [row.day, row.count]));
  return {
    total: counts.reduce((sum, row) => sum + row.count, 0),
    perDay: days.map((day) => ({ day, count: byDay.get(day) ?? 0 })),
    byRole: perValue(
      memberRole.options,
      counts.map((row) => ({ value: row.role, count: row.count })),
    ).map(({ value, count }) => ({ role: value, count })),
    byApproval: perValue(
      approvalStatus.options,
      counts.map((row) => ({ value: row.approvalStatus, count: row.count })),
    ).map(({ value, count }) => ({ approvalStatus: value, count })),
  };
}

export async function subscriptionsOverview(scope: RequestScope): Promise<OverviewSubscriptions> {
  const counts = await subscriptions.countsByPlanAndStatus(scope);
  const plans = new Map<string, { planId: string; planName: string; count: number }>();
  for (const row of counts) {
    const plan = plans.get(row.planId) ?? { planId: row.planId, planName: row.planName, count: 0 };
    plan.count += row.count;
    plans.set(row.planId, plan);
  }
  return {
    total: counts.reduce((sum, row) => sum + row.count, 0),
    byStatus: perValue(
      subscriptionStatus.options,
      counts.map((row) => ({ value: row.status, count: row.count })),
    ).map(({ value, count }) => ({ status: value, count })),
    byPlan: [...plans.values()].filter((plan) => plan.count > 0).sort((a, b) => b.count - a.count),
  };
}
