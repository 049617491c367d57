import { z } from 'zod';
import { customerMemberRole } from '../enums.js';
import { polarEmail, polarId, trimmedOrNull } from './fields.js';
import { listOf, pageInput } from './pagination.js';

/** A member of a customer, as Polar returns it (camelCase here; snake_case on the REST wire). */
export const customerMember = z.object({
  id: z.string(),
  createdAt: z.string(),
  modifiedAt: z.string().nullable(),
  customerId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  externalId: z.string().nullable(),
  role: customerMemberRole,
});
export type CustomerMember = z.infer<typeof customerMember>;

export const customerMemberList = listOf(customerMember);
export type CustomerMemberList = z.infer<typeof customerMemberList>;

/** Ownership is only ever given by update (a transfer), never at creation. */
export const memberCreateInput = z.object({
  customerId: polarId,
  email: polarEmail,
  name: trimmedOrNull(256).optional(),
  externalId: trimmedOrNull(256).optional(),
  role: z.enum(['member', 'billing_manager']).default('member'),
});
export type MemberCreateInput = z.infer<typeof memberCreateInput>;

export const memberChanges = {
  name: trimmedOrNull(256).optional(),
  email: polarEmail.optional(),
  /** `owner` transfers ownership: the previous owner becomes a billing manager. */
  role: customerMemberRole.optional(),
};
export type MemberChanges = {
  name?: string | null | undefined;
  email?: string | undefined;
  role?: z.infer<typeof customerMemberRole> | undefined;
};

/** A member by id; with `customerId` (the nested routes) it must also belong to that customer. */
export const memberByIdInput = z.object({ id: polarId, customerId: polarId.optional() });
export const memberUpdateInput = memberByIdInput.extend(memberChanges);
export type MemberByIdInput = z.infer<typeof memberByIdInput>;
export type MemberUpdateInput = z.infer<typeof memberUpdateInput>;

/** A member by its external id, within a customer named by exactly one of its id or its external id. */
const externalSelector = {
  externalId: z.string().min(1).max(256),
  customerId: polarId.optional(),
  externalCustomerId: z.string().min(1).max(256).optional(),
};
const oneCustomer = (input: { customerId?: string | undefined; externalCustomerId?: string | undefined }) =>
  (input.customerId === undefined) !== (input.externalCustomerId === undefined);
const oneCustomerIssue = {
  message: 'Exactly one of customer_id or external_customer_id is required',
  path: ['customerId'],
  when: () => true,
};
export const memberByExternalIdInput = z.object(externalSelector).refine(oneCustomer, oneCustomerIssue);
export const memberUpdateByExternalIdInput = z
  .object({ ...externalSelector, ...memberChanges })
  .refine(oneCustomer, oneCustomerIssue);
export type MemberByExternalIdInput = z.infer<typeof memberByExternalIdInput>;
export type MemberUpdateByExternalIdInput = z.infer<typeof memberUpdateByExternalIdInput>;

export const memberListInput = z.object({
  customerId: polarId.optional(),
  externalCustomerId: z.string().min(1).max(256).optional(),
  role: customerMemberRole.optional(),
  ...pageInput,
});
export type MemberListInput = z.infer<typeof memberListInput>;
