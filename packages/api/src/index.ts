export { invoke, parseInput } from './procedures/invoke.js';
export { procedureByPath, procedureTree } from './procedures/index.js';
export { isProcedure, type Procedure, type ProcedureNodes } from './procedures/procedure.js';
export {
  createContextFactory,
  type Context,
  type ContextDependencies,
  type RequestFacts,
  type RequestHeaders,
} from './context.js';
export {
  DomainError,
  domainErrorOf,
  faultMessage,
  faultOf,
  invalidRequest,
  type DomainIssue,
  type InputSource,
} from './errors.js';
export type { RequestScope } from './request-scope.js';
export { RateLimits, type RateLimitPolicy, type RateLimitState } from './auth/rate-limits.js';
export {
  bootstrapFirstOrganization,
  createOrganization,
  createPlan,
  issueApiKey,
  listOrganizations,
  listPlans,
  organizationScope,
  revokeApiKey,
  type PlanSpec,
} from './admin/organizations.js';
export { createCustomer } from './customers/customers.js';
export { maxInputDepth } from './input-safety.js';
export { IdempotencyStore } from './idempotency/idempotency-store.js';
export { KeyedRequest, keyInUse, keyReused, type AnswerInstead } from './idempotency/keyed-request.js';
export { apiKeyFromHeaders, hashApiKey } from './auth/api-keys.js';
export { DeliveryWorker, type DeliveryWorkerOptions } from './webhooks/delivery-worker.js';
export { TargetPolicy, type ResolveHost } from './webhooks/target-policy.js';
export * as metrics from './metrics.js';
export { listWebhookDeliveries, listWebhooks } from './admin/webhooks.js';
export { countCustomersSharingEmails, customersSharingEmails, type SharedEmail } from './admin/customers.js';
export { syncMemberBatch } from './organization-members/sync-batch.js';
export { eraseMember } from './organization-members/erase-member.js';
export { listApiKeys, rotateApiKey } from './admin/api-keys.js';
export { page as listMembers } from './organization-members/member-repository.js';
export { forgetLapsed } from './housekeeping.js';
export { pruneWebhooks, type Pruned } from './webhooks/retention.js';
export { openEventStream } from './events/event-stream.js';
export { authenticate } from './auth/authenticate.js';
export { writeCommandEntry, type CommandChange } from './audit/audit-trail.js';
