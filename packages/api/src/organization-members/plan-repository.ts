import type { PlanIdentifiers } from '@members/contracts';
import { Plan } from '@members/db';
import { DomainError } from '../errors.js';
import type { RequestScope } from '../request-scope.js';

const identifiers = ['planId', 'stripePriceId', 'paypalPlanId', 'planName'] as const;
const column = {
  planId: 'id',
  stripePriceId: 'stripePriceId',
  paypalPlanId: 'paypalPlanId',
  planName: 'name',
} as const;

/**
 * The organization's plan named by sync's access block (issues at `['access', key]`) or by an access action
 * (`at` = []). Every identifier sent must name a plan, and the same one: a request that names two different plans
 * is refused rather than half-applied.
 */
export async function planByIdentifier(
  scope: RequestScope,
  access: PlanIdentifiers,
  at: string[] = ['access'],
): Promise<Plan> {
  const sent = identifiers.filter((key) => access[key] !== undefined);
  const plans = await scope.em.find(Plan, {
    organization: scope.organization.id,
    $or: sent.map((key) => ({ [column[key]]: access[key] })),
  });
  const issues = sent
    .filter((key) => !plans.some((plan) => plan[column[key]] === access[key]))
    .map((key) => ({ path: [...at, key], message: `No plan of this organization has ${key} "${access[key]}"` }));
  if (issues.length > 0)
    throw new DomainError('unknown_plan', issues.map((issue) => issue.message).join('; '), { issues });
  if (plans.length > 1) {
    throw new DomainError('unknown_plan', `The access block names ${plans.length} different plans`, {
      issues: sent.map((key) => ({
        path: [...at, key],
        message: 'names a different plan than the other identifiers',
      })),
    });
  }
  return plans[0]!;
}
