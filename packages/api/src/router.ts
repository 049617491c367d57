import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { customersRouter } from './customers/router.js';
import { membersRouter } from './members/router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  members: membersRouter,
  customers: customersRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** What the REST adapter calls: the same procedures, without HTTP in between. */
export const createCaller = createCallerFactory(appRouter);
