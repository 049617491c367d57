import { z } from 'zod';

/** What an API key may do. A read route accepts its read scope or the matching write scope. */
export const scopes = [
  'members:read',
  'members:write',
  'customers:read',
  'customers:write',
  'customer_sessions:write',
  'admin',
] as const;
export const scope = z.enum(scopes);
export type Scope = z.infer<typeof scope>;

/**
 * What a customer's member holds in a customer portal session, and nothing else does: no API key can be given it,
 * and a session holds no other scope.
 */
export const portalScope = 'customer_portal:write';
/** Any valid API key, whatever its scopes: what a caller may always ask about itself. */
export const anyKeyScope = 'api_key';
/** What a procedure requires of its caller: an API key's scope, any API key, or a member session. */
export type ProcedureScope = Scope | typeof portalScope | typeof anyKeyScope;

export const memberRole = z.enum(['employee', 'business', 'both', 'jobseeker', 'employer']);
export type MemberRole = z.infer<typeof memberRole>;

export const approvalStatus = z.enum(['approved', 'pending', 'rejected']);
export type ApprovalStatus = z.infer<typeof approvalStatus>;

export const subscriptionStatus = z.enum(['active', 'trialing', 'past_due', 'canceled', 'expired']);
export type SubscriptionStatus = z.infer<typeof subscriptionStatus>;

export const paymentStatus = z.enum(['pending', 'completed', 'failed', 'refunded']);
export type PaymentStatus = z.infer<typeof paymentStatus>;

export const customerType = z.enum(['individual', 'team']);
export type CustomerType = z.infer<typeof customerType>;

export const customerMemberRole = z.enum(['owner', 'billing_manager', 'member']);
export type CustomerMemberRole = z.infer<typeof customerMemberRole>;

/**
 * A REST surface: the wire of one anchor API (Kardow's camelCase, Polar's snake_case), its routes, errors and
 * webhooks. A webhook belongs to one: a Kardow subscription (one event) or a Polar endpoint (several).
 */
export const surfaceName = z.enum(['kardow', 'polar']);
export type SurfaceName = z.infer<typeof surfaceName>;
/** @deprecated The same enum as `surfaceName`, under its old name; it goes in the next major version. */
export const webhookSurface = surfaceName;
/** @deprecated `SurfaceName`, under its old name; it goes in the next major version. */
export type WebhookSurface = SurfaceName;
