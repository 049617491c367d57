import type { AccessInput } from '@members/contracts';
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
 * The organization's plan named by the access block. Every identifier sent must name a plan, and the same one:
 * a block that names two different plans is refused rather than half-applied.
 */
export async function planByIdentifier(scope: RequestScope, access: AccessInput): Promise<Plan> {
  const sent = identifiers.filter((key) => access[key] !== undefined);
  const plans = await scope.em.find(Plan, {
    organization: scope.organization.id,
    $or: sent.map((key) => ({ [column[key]]: access[key] })),
  });
  const issues = sent
    .filter((key) => !plans.some((plan) => plan[column[key]] === access[key]))
    .map((key) => ({ path: ['access', key], message: `No plan of this organization has ${key} "${access[key]}"` }));
  if (issues.length > 0)
    throw new DomainError('unknown_plan', issues.map((issue) => issue.message).join('; '), { issues });
  if (plans.length > 1) {
    throw new DomainError('unknown_plan', `The access block names ${plans.length} different plans`, {
      issues: sent.map((key) => ({
        path: ['access', key],
        message: 'names a different plan than the other identifiers',
      })),
    });
  }
  return plans[0]!;
}
