export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from './router.js';
export { createContextFactory, type Context, type ContextDependencies, type RequestHeaders } from './context.js';
export { AppError } from './errors.js';
export { zodIssues } from './trpc.js';
export { RateLimiter } from './auth/rate-limiter.js';
export { mergeCustomFields } from './members/custom-fields.js';
export {
  bootstrapFirstOrganization,
  createOrganization,
  createPlan,
  issueApiKey,
  requireOrganization,
  revokeApiKey,
  type IssuedApiKey,
  type PlanSpec,
} from './admin/organizations.js';
export { createCustomer } from './customers/customers.js';
export { toCustomerOutput } from './customers/serialize.js';
