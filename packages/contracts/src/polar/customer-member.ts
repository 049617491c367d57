import { z } from 'zod';
import { customerMemberRole } from '../enums.js';
import { whenAnObject } from '../primitives.js';
import { polarEmail, polarId, polarId4, polarOutputId, polarTimestamp, trimmedOrNull } from './fields.js';
import { listOf, memberSorting, pageInput } from './pagination.js';

/**
 * A member of a customer (a B2B team), as Polar returns it: camelCase here, snake_case on the REST wire. Not to be
 * confused with Kardow's organization member (`organizationMember`).
 */
export const customerMember = z
  .object({
    id: polarOutputId,
    createdAt: polarTimestamp,
    modifiedAt: polarTimestamp.nullable(),
    customerId: polarOutputId,
    email: z.string(),
    name: z.string().nullable(),
    externalId: z.string().nullable(),
    role: customerMemberRole,
  })
  .meta({ id: 'CustomerMember' });
export type CustomerMember = z.infer<typeof customerMember>;

export const customerMemberList = listOf(customerMember).meta({ id: 'CustomerMemberList' });
export type CustomerMemberList = z.infer<typeof customerMemberList>;

/** A new member's fields. Ownership is only ever given by update (a transfer), never at creation. */
const newMemberFields = {
  email: polarEmail,
  name: trimmedOrNull(256).optional(),
  externalId: trimmedOrNull(256).optional(),
  role: z.enum(['member', 'billing_manager']).default('member'),
};

/** `POST /v1/members`: the customer in the body, a uuid4 as Polar's `MemberCreate` says. */
export const customerMemberCreateInput = z.object({ customerId: polarId4, ...newMemberFields });
export type CustomerMemberCreateInput = z.infer<typeof customerMemberCreateInput>;

/**
 * What an update may change. `role: owner` transfers ownership (the previous owner becomes a billing manager).
 * Polar's schema makes each field nullable: null is "no change" for `email` and `role`, and clears `name`.
 */
export const customerMemberChanges = {
  name: trimmedOrNull(256).optional(),
  email: polarEmail.nullable().optional(),
  role: customerMemberRole.nullable().optional(),
};
export type CustomerMemberChanges = z.infer<z.ZodObject<typeof customerMemberChanges>>;

/** A member by id; with `customerId` (the nested routes) it must also belong to that customer. */
export const customerMemberByIdInput = z.object({ id: polarId, customerId: polarId.optional() });
export const customerMemberUpdateInput = customerMemberByIdInput.extend(customerMemberChanges);
export type CustomerMemberByIdInput = z.infer<typeof customerMemberByIdInput>;
export type CustomerMemberUpdateInput = z.infer<typeof customerMemberUpdateInput>;

/** A customer named by exactly one of its id (any uuid) or its external id. */
const customerNamed = {
  customerId: polarId.optional(),
  externalCustomerId: z.string().min(1).max(256).optional(),
};
const oneCustomer = (input: { customerId?: string | undefined; externalCustomerId?: string | undefined }) =>
  (input.customerId === undefined) !== (input.externalCustomerId === undefined);
const oneCustomerIssue = {
  message: 'Exactly one of customer_id or external_customer_id is required',
  path: ['customerId'],
  when: whenAnObject,
};

/**
 * The nested creates (`POST /v1/customers/{id}/members`, `/v1/customers/external/{external_id}/members`): the
 * customer named in the path, where any uuid is looked up (and an unknown one is 404).
 */
export const customerMemberCreateForCustomerInput = z
  .object({ ...customerNamed, ...newMemberFields })
  .refine(oneCustomer, oneCustomerIssue);
export type CustomerMemberCreateForCustomerInput = z.infer<typeof customerMemberCreateForCustomerInput>;

/** The nested lists: the members of one customer, which must exist (404 otherwise, unlike the flat list's filter). */
export const customerMembersOfCustomerInput = z
  .object({ ...customerNamed, role: customerMemberRole.optional(), ...pageInput, sorting: memberSorting })
  .refine(oneCustomer, oneCustomerIssue);
export type CustomerMembersOfCustomerInput = z.infer<typeof customerMembersOfCustomerInput>;

/** A member by its external id, within a customer named by exactly one of its id or its external id. */
const externalSelector = { externalId: z.string().min(1).max(256), ...customerNamed };
export const customerMemberByExternalIdInput = z.object(externalSelector).refine(oneCustomer, oneCustomerIssue);
export const customerMemberUpdateByExternalIdInput = z
  .object({ ...externalSelector, ...customerMemberChanges })
  .refine(oneCustomer, oneCustomerIssue);
export type CustomerMemberByExternalIdInput = z.infer<typeof customerMemberByExternalIdInput>;
export type CustomerMemberUpdateByExternalIdInput = z.infer<typeof customerMemberUpdateByExternalIdInput>;

export const customerMemberListInput = z.object({
  /** Any string, as Polar's schema has it: one that names no customer of this organization gives an empty page. */
  customerId: z.string().max(256).optional(),
  externalCustomerId: z.string().min(1).max(256).optional(),
  role: customerMemberRole.optional(),
  ...pageInput,
  sorting: memberSorting,
});
export type CustomerMemberListInput = z.infer<typeof customerMemberListInput>;

/** What a delete answers over tRPC (REST answers 204 with no body). */
export const deletedRecord = z.object({ id: z.string() });
export type DeletedRecord = z.infer<typeof deletedRecord>;
