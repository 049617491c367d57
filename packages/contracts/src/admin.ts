import { z } from 'zod';
import { customerType, scopes, scope } from './enums.js';
import { customer } from './polar/customer.js';
import { memberListInput } from './kardow/member-list.js';
import { normalizedEmail } from './primitives.js';

/** A whole number typed on the command line: missing is "required", anything else must be digits. */
const wholeNumberFlag = (min: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(2_147_483_647));

/** Inputs of the admin command line, checked like every other input. */
export const organizationCreateInput = z.object({ name: z.string().trim().min(1).max(256) });

export const apiKeyCreateInput = z.object({
  organizationId: wholeNumberFlag(1),
  /** No scopes given means every scope. */
  scopes: z
    .array(scope)
    .min(1)
    .default([...scopes]),
  name: z.string().trim().min(1).max(256).optional(),
});

export const apiKeyRevokeInput = z.object({ id: z.guid() });

export const planCreateInput = z.object({
  organizationId: wholeNumberFlag(1),
  name: z.string().trim().min(1).max(255),
  stripePriceId: z.string().trim().min(1).max(255).optional(),
  paypalPlanId: z.string().trim().min(1).max(255).optional(),
  jobsIncluded: wholeNumberFlag(0).optional(),
});

export const customerCreateAdminInput = z.object({
  organizationId: wholeNumberFlag(1),
  email: z.email(),
  name: z.string().trim().min(1).max(256).optional(),
  externalId: z.string().trim().min(1).max(256).optional(),
  type: customerType.default('individual'),
});

/** What `customer create` prints: the customer, as the Polar surface serves it, in brief. */
export const adminCustomer = customer.pick({ id: true, email: true, name: true, externalId: true, type: true });

/** Commands that only name an organization (`webhook list`, `webhook deliveries`). */
export const organizationFlag = z.object({ organizationId: wholeNumberFlag(1) });

/** Commands that may name an organization and otherwise cover all (`customer duplicates`). */
export const optionalOrganizationFlag = z.object({ organizationId: wholeNumberFlag(1).optional() });

/** `member list`: the organization, and the list's own options checked as `GET /members` checks them. */
export const memberListFlags = memberListInput.extend({ organizationId: wholeNumberFlag(1) });

/** `member erase EMAIL --org ID`: the member named by its email (the command's argument), in one organization. */
export const memberEraseFlags = z.object({ organizationId: wholeNumberFlag(1), memberEmail: normalizedEmail });
