import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc.js';

/** A plan's name from its id (a subscription names its plan by id); the id itself until the names arrive. */
export function usePlanNames(): (planId: string) => string {
  const trpc = useTRPC();
  const plans = useQuery(trpc.plans.names.queryOptions({}));
  const names = new Map((plans.data ?? []).map((plan) => [plan.id, plan.name]));
  return (planId) => names.get(planId) ?? planId;
}
