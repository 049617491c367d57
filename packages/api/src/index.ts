export { appRouter, callProcedure, type AppRouter } from './trpc/router.js';
export { trpcErrorShape, type TrpcErrorShape } from './trpc/error-shape.js';
export { invoke, parseInput } from './procedures/invoke.js';
export { procedureByPath } from './procedures/index.js';
export type { Procedure } from './procedures/procedure.js';
export {
  createContextFactory,
  type Context,
  type ContextDependencies,
  type RequestFacts,
  type RequestHeaders,
} from './context.js';
export { DomainError, domainErrorOf, faultOf, invalidRequest, type DomainIssue, type InputSource } from './errors.js';
export type { RequestScope } from './request-scope.js';
export { RateLimits, type RateLimitPolicy, type RateLimitState } from './auth/rate-limits.js';
export { mergeCustomFields } from './organization-members/custom-fields.js';
export {
  bootstrapFirstOrganization,
  createOrganization,
  createPlan,
  issueApiKey,
  listOrganizations,
  listPlans,
  organizationScope,
  requireOrganization,
  revokeApiKey,
  type IssuedApiKey,
  type PlanSpec,
} from './admin/organizations.js';
export { createCustomer } from './customers/customers.js';
export { authenticate } from './auth/authenticate.js';
export { maxInputDepth } from './input-safety.js';
export { IdempotencyStore, type Claim } from './idempotency/idempotency-store.js';
export { KeyedRequest, keyInUse } from './idempotency/keyed-request.js';
export { apiKeyFromHeaders, hashApiKey } from './auth/api-keys.js';
export { DeliveryWorker, type DeliveryWorkerOptions } from './webhooks/delivery-worker.js';
export { TargetPolicy, type ResolveHost } from './webhooks/target-policy.js';
export * as metrics from './metrics.js';
export { listWebhookDeliveries, listWebhooks } from './admin/webhooks.js';
export { syncMemberBatch } from './organization-members/sync-batch.js';
export { listApiKeys, rotateApiKey, type ApiKeySummary } from './admin/api-keys.js';
export { listMembers } from './organization-members/member-list.js';
export { forgetLapsed } from './housekeeping.js';
export { pruneWebhooks, type Pruned } from './webhooks/retention.js';
