import { z } from 'zod';
import { isoDateTime, looseUuid, normalizedEmail, whenAnObject } from '../primitives.js';
import { access, planIdentifiers } from './organization-member.js';
import { erasureReceipt } from '../erasure.js';

export const accessAction = z.enum([
  'activate',
  'expire_now',
  'cancel_now',
  'cancel_at_period_end',
  'reactivate',
  'mark_past_due',
  'delete_member',
]);
export type AccessAction = z.infer<typeof accessAction>;

/** How a call names one member: by `email` or `userId`, or both when they agree. */
const memberNamedBy = { email: normalizedEmail.optional(), userId: looseUuid.optional() };
const namesAMember = (input: { email?: string | undefined; userId?: string | undefined }) =>
  input.email !== undefined || input.userId !== undefined;
const memberRequired = { message: 'email or userId is required', path: ['email'], when: whenAnObject };

/**
 * `POST /members/access`: one lifecycle step on a member's subscription. The member is named by `email` or
 * `userId` (both may be sent when they agree); the subscription by `stripeSubscriptionId`, else its plan (named as
 * sync's `access` block names one), else it is the member's most recent one. `effectiveAt` defaults to now; in the
 * future it schedules `cancel_now` and `expire_now`.
 */
export const memberAccessInput = z
  .object({
    ...memberNamedBy,
    action: accessAction,
    ...planIdentifiers,
    stripeSubscriptionId: z.string().trim().min(1).max(255).optional(),
    effectiveAt: isoDateTime.optional(),
  })
  .refine(namesAMember, memberRequired);
export type MemberAccessInput = z.infer<typeof memberAccessInput>;

/** `members.erase`: the member named by email or id, as `POST /members/access` names one. */
export const memberEraseInput = z.object(memberNamedBy).refine(namesAMember, memberRequired);
export type MemberEraseInput = z.infer<typeof memberEraseInput>;

/**
 * What `delete_member` removed. It is an erasure, so `email` is the address the member's copies now read
 * (`erased-<id>@erased.invalid`), not the one erased; `erased` is the receipt, counts per kind of record.
 */
export const memberRemoval = z
  .object({
    memberId: z.string(),
    email: z.string(),
    subscriptions: z.int(),
    payments: z.int(),
    erased: erasureReceipt,
  })
  .meta({ id: 'MemberRemoval' });
export type MemberRemoval = z.infer<typeof memberRemoval>;

/** Kardow's answer: the subscription itself after the step, or, for `delete_member`, what was removed. */
export const memberAccessResult = z
  .union([access, z.object({ deleted: memberRemoval })])
  .meta({ id: 'MemberAccessResult' });
export type MemberAccessResult = z.infer<typeof memberAccessResult>;
