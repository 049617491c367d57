import { z } from 'zod';
import { customerMemberRole } from '../enums.js';
import { polarEmail, polarId, polarOutputId, polarTimestamp, trimmedOrNull } from './fields.js';
import { listOf, pageInput } from './pagination.js';

/** A team member as the customer portal shows it to the team's owner or billing manager. */
export const customerPortalMember = z
  .object({
    createdAt: polarTimestamp,
    modifiedAt: polarTimestamp.nullable(),
    id: polarOutputId,
    email: z.string(),
    name: z.string().nullable(),
    role: customerMemberRole,
  })
  .meta({ id: 'CustomerPortalMember' });
export type CustomerPortalMember = z.infer<typeof customerPortalMember>;

export const customerPortalMemberList = listOf(customerPortalMember).meta({ id: 'CustomerPortalMemberList' });
export type CustomerPortalMemberList = z.infer<typeof customerPortalMemberList>;

export const customerPortalMemberListInput = z.object(pageInput);

/** Adding `owner` is refused by the rules (422), not by the schema: Polar's schema takes every role. */
export const customerPortalMemberCreateInput = z.object({
  email: polarEmail,
  name: trimmedOrNull(256).optional(),
  role: customerMemberRole.default('member'),
});
export type CustomerPortalMemberCreateInput = z.infer<typeof customerPortalMemberCreateInput>;

/** null is "no change" for the role, and clears the name, as in the organization's member update. */
export const customerPortalMemberUpdateInput = z.object({
  id: polarId,
  name: trimmedOrNull(256).optional(),
  role: customerMemberRole.nullable().optional(),
});
export type CustomerPortalMemberUpdateInput = z.infer<typeof customerPortalMemberUpdateInput>;

export const customerPortalMemberByIdInput = z.object({ id: polarId });

/** What the portal page shows of its session: who is signed in, for which customer, and what they may do. */
export const customerPortalSession = z.object({
  member: customerPortalMember,
  customer: z.object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    type: z.enum(['individual', 'team']),
  }),
  /** An owner or billing manager of a team: they add, re-role and remove; anyone else reads. */
  canManage: z.boolean(),
  returnUrl: z.string().nullable(),
  expiresAt: z.string(),
});
export type CustomerPortalSession = z.infer<typeof customerPortalSession>;
