import { z } from 'zod';
import { isoDateTime, looseUuid, normalizedEmail, whenAnObject } from '../primitives.js';
import { access, planIdentifiers } from './organization-member.js';

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

/**
 * `POST /members/access`: one lifecycle step on a member's subscription. The member is named by `email` or
 * `userId` (both may be sent when they agree); the subscription by `stripeSubscriptionId`, else its plan (named as
 * sync's `access` block names one), else it is the member's most recent one. `effectiveAt` defaults to now; in the
 * future it schedules `cancel_now` and `expire_now`.
 */
export const memberAccessInput = z
  .object({
    email: normalizedEmail.optional(),
    userId: looseUuid.optional(),
    action: accessAction,
    ...planIdentifiers,
    stripeSubscriptionId: z.string().trim().min(1).max(255).optional(),
    effectiveAt: isoDateTime.optional(),
  })
  .refine((input) => input.email !== undefined || input.userId !== undefined, {
    message: 'email or userId is required',
    path: ['email'],
    when: whenAnObject,
  });
export type MemberAccessInput = z.infer<typeof memberAccessInput>;

export const memberRemoval = z
  .object({
    memberId: z.string(),
    email: z.string(),
    subscriptions: z.int(),
    payments: z.int(),
  })
  .meta({ id: 'MemberRemoval' });

/** Kardow's answer: the subscription itself after the step, or, for `delete_member`, what was removed. */
export const memberAccessResult = z
  .union([access, z.object({ deleted: memberRemoval })])
  .meta({ id: 'MemberAccessResult' });
export type MemberAccessResult = z.infer<typeof memberAccessResult>;
