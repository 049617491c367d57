import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { customersRouter } from './customers/router.js';
import { membersRouter } from './organization-members/router.js';
import { createCallerFactory, router } from './trpc.js';
import { webhooksRouter } from './webhooks/router.js';

/** Every procedure of `procedures` in the contracts, at the same path. */
export const appRouter = router({
  members: membersRouter,
  customers: customersRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
