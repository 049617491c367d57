import { z } from 'zod';
import { approvalStatus, memberRole, paymentStatus, subscriptionStatus } from '../enums.js';
import {
  currencyCode,
  isoDateTime,
  jsonObject,
  looseUuid,
  moneyAmount,
  normalizedEmail,
  whenAnObject,
} from '../primitives.js';

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** The ways a plan is named, in sync's `access` block and in `POST /members/access`: any one, or several that agree. */
export const planIdentifiers = {
  planId: looseUuid.optional(),
  stripePriceId: optionalText(255),
  paypalPlanId: optionalText(255),
  planName: optionalText(255),
};
export type PlanIdentifiers = { [K in keyof typeof planIdentifiers]?: string | undefined };
export const namesAPlan = (input: PlanIdentifiers) =>
  [input.planId, input.stripePriceId, input.paypalPlanId, input.planName].some((v) => v !== undefined);

/** The `access` block: which plan, and the subscription's state. Omitted fields are left unchanged. */
export const accessInput = z
  .object({
    ...planIdentifiers,
    status: subscriptionStatus.optional(),
    stripeSubscriptionId: z.string().trim().min(1).max(255).nullable().optional(),
    currentPeriodStart: isoDateTime.nullable().optional(),
    currentPeriodEnd: isoDateTime.nullable().optional(),
    cancelAt: isoDateTime.nullable().optional(),
    canceledAt: isoDateTime.nullable().optional(),
    jobsRemaining: z.int().min(0).max(2_147_483_647).nullable().optional(),
    metadata: jsonObject.nullable().optional(),
  })
  .refine(namesAPlan, {
    message: 'one of planId, stripePriceId, paypalPlanId or planName is required',
    path: ['planId'],
    when: whenAnObject,
  });
export type AccessInput = z.infer<typeof accessInput>;

/** The `payment` block: one payment to record, deduplicated by its Stripe ids. */
export const paymentInput = z.object({
  jobId: looseUuid,
  amount: moneyAmount,
  currency: currencyCode,
  status: paymentStatus.default('completed'),
  paymentProvider: z.string().trim().min(1).max(64).nullable().optional(),
  stripeSessionId: z.string().trim().min(1).max(255).nullable().optional(),
  stripePaymentIntentId: z.string().trim().min(1).max(255).nullable().optional(),
  metadata: jsonObject.nullable().optional(),
});
export type PaymentInput = z.infer<typeof paymentInput>;

export const memberSyncInput = z.object({
  email: normalizedEmail,
  userId: looseUuid.optional(),
  name: z.string().trim().min(1).max(256).optional(),
  role: memberRole.optional(),
  approvalStatus: approvalStatus.optional(),
  profilePicture: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .optional(),
  description: z.string().max(10_000).nullable().optional(),
  /** Merged key by key into what is stored; a key set to null is removed; null clears them all. */
  customFields: jsonObject.nullable().optional(),
  access: accessInput.optional(),
  payment: paymentInput.optional(),
});
export type MemberSyncInput = z.infer<typeof memberSyncInput>;

/** A member of the organization (Kardow's `member`). */
export const organizationMember = z
  .object({
    id: z.string(),
    organizationId: z.int(),
    email: z.string(),
    name: z.string(),
    role: memberRole,
    approvalStatus: approvalStatus,
    profilePicture: z.string().nullable(),
    description: z.string().nullable(),
    customFields: jsonObject.nullable(),
  })
  .meta({ id: 'OrganizationMember' });
export type OrganizationMember = z.infer<typeof organizationMember>;

/** A member's subscription to a plan, as Kardow's `access` block returns it. */
export const access = z
  .object({
    id: z.string(),
    organizationId: z.int(),
    userId: z.string(),
    planId: z.string(),
    status: subscriptionStatus,
    stripeSubscriptionId: z.string().nullable(),
    currentPeriodStart: z.string().nullable(),
    currentPeriodEnd: z.string().nullable(),
    cancelAt: z.string().nullable(),
    canceledAt: z.string().nullable(),
    jobsRemaining: z.int().nullable(),
    metadata: jsonObject.nullable(),
  })
  .meta({ id: 'Access' });
export type Access = z.infer<typeof access>;

export const payment = z
  .object({
    id: z.string(),
    organizationId: z.int(),
    userId: z.string(),
    jobId: z.string(),
    planId: z.string().nullable(),
    amount: z.number(),
    currency: z.string(),
    status: paymentStatus,
    paymentProvider: z.string().nullable(),
    stripeSessionId: z.string().nullable(),
    stripePaymentIntentId: z.string().nullable(),
    metadata: jsonObject.nullable(),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof payment>;

export const memberSyncResult = z
  .object({
    member: organizationMember,
    created: z.boolean(),
    access: access.nullable(),
    payment: payment.nullable(),
  })
  .meta({ id: 'MemberSyncResult' });
export type MemberSyncResult = z.infer<typeof memberSyncResult>;

/** `GET /members/{lookup}`: a member's email or uuid. */
export const memberLookupInput = z.object({ lookup: z.string().trim().min(1).max(320) });
export type MemberLookupInput = z.infer<typeof memberLookupInput>;

export const memberDetail = z
  .object({
    member: organizationMember,
    subscriptions: z.array(access),
    payments: z.array(payment),
    /** True when a subscription is active or trialing and its period has not ended. */
    hasValidPaywallSubscription: z.boolean(),
  })
  .meta({ id: 'MemberDetail' });
export type MemberDetail = z.infer<typeof memberDetail>;
