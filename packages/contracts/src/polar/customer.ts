import { z } from 'zod';
import { customerType } from '../enums.js';
import { polarEmail, polarId, trimmedOrNull } from './fields.js';
import { listOf, pageInput } from './pagination.js';

/** Polar's metadata: string keys, scalar values. */
export const polarMetadata = z.record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean()]));

/** Polar's Customer object, with the fields this service does not keep served as Polar serves them empty. */
export const customer = z.object({
  id: z.string(),
  createdAt: z.string(),
  modifiedAt: z.string().nullable(),
  metadata: polarMetadata,
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  type: customerType,
  name: z.string().nullable(),
  billingAddress: z.null(),
  taxId: z.null(),
  locale: z.null(),
  organizationId: z.string(),
  defaultPaymentMethodId: z.null(),
  deletedAt: z.null(),
  avatarUrl: z.string(),
});
export type Customer = z.infer<typeof customer>;

export const customerList = listOf(customer);
export type CustomerList = z.infer<typeof customerList>;

export const ownerInput = z.object({
  email: polarEmail,
  name: trimmedOrNull(256).optional(),
  externalId: trimmedOrNull(256).optional(),
});

/**
 * Creating a customer creates its owner member: from the customer's own email, name and external id, or, for a
 * team, from `owner` when given.
 */
export const customerCreateInput = z
  .object({
    email: polarEmail.nullable().optional(),
    name: trimmedOrNull(256).optional(),
    externalId: trimmedOrNull(256).optional(),
    type: customerType.default('individual'),
    metadata: polarMetadata.optional(),
    owner: ownerInput.nullable().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.type === 'individual' && !input.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'An individual customer needs an email' });
    }
    if (input.type === 'individual' && input.owner) {
      ctx.addIssue({ code: 'custom', path: ['owner'], message: 'Only a team customer can name a separate owner' });
    }
    if (input.type === 'team' && !input.email && !input.owner) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'A team customer needs an email or an owner' });
    }
  });
export type CustomerCreateInput = z.infer<typeof customerCreateInput>;

export const customerByIdInput = z.object({ id: polarId });

export const customerListInput = z.object({
  email: z.string().trim().max(320).optional(),
  ...pageInput,
});
export type CustomerListInput = z.infer<typeof customerListInput>;
