import { z } from 'zod';
import { customerType } from '../enums.js';
import {
  polarEmail,
  polarId,
  polarMetadata,
  polarMetadataOutput,
  polarOutputId,
  polarTimestamp,
  queryBoolean,
  trimmedOrNull,
} from './fields.js';
import { customerSorting, listOf, pageInput } from './pagination.js';

/**
 * Polar's Customer object. The fields this service does not keep (billing details, tax id, locale, payment method)
 * are served as Polar serves them empty; `organization_id` is the organization's uuid4 public id.
 */
export const customer = z
  .object({
    id: polarOutputId,
    createdAt: polarTimestamp,
    modifiedAt: polarTimestamp.nullable(),
    metadata: polarMetadataOutput,
    externalId: z.string().nullable(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    type: customerType,
    name: z.string().nullable(),
    billingName: z.null(),
    billingAddress: z.null(),
    taxId: z.null(),
    locale: z.null(),
    organizationId: polarOutputId,
    defaultPaymentMethodId: z.null(),
    deletedAt: z.null(),
    firstUserEventAt: z.null(),
    avatarUrl: z.string(),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customer>;

export const customerList = listOf(customer).meta({ id: 'CustomerList' });
export type CustomerList = z.infer<typeof customerList>;

export const ownerInput = z.object({
  email: polarEmail,
  name: trimmedOrNull(256).optional(),
  externalId: trimmedOrNull(256).optional(),
});

/** Accepted as Polar accepts them, and not kept: they are served as null. */
const unkeptFields = {
  billingAddress: z.record(z.string(), z.unknown()).nullable().optional(),
  taxId: z.string().max(256).nullable().optional(),
  locale: z.string().max(16).nullable().optional(),
};

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
    /** With an organization's key, only that organization (or none). */
    organizationId: polarId.nullable().optional(),
    ...unkeptFields,
  })
  .superRefine((input, ctx) => {
    if (input.type === 'individual' && !input.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'An individual customer needs an email' });
    }
    if (input.type === 'team' && !input.email && !input.owner) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'A team customer needs an email or an owner' });
    }
  });
export type CustomerCreateInput = z.infer<typeof customerCreateInput>;

export const customerByIdInput = z.object({ id: polarId });
export const customerByExternalIdInput = z.object({ externalId: z.string().min(1).max(256) });
export type CustomerSelector = z.infer<typeof customerByIdInput> | z.infer<typeof customerByExternalIdInput>;

/** `anonymize=true` also replaces the customer's and its members' emails and names with hashes, as Polar does. */
export const customerDeleteInput = customerByIdInput.extend({ anonymize: queryBoolean.optional() });
export const customerDeleteByExternalIdInput = customerByExternalIdInput.extend({
  anonymize: queryBoolean.optional(),
});

/**
 * What an update may change. Null is "no change" for `email` and `metadata`, and clears `name`. The external id can
 * be set once; `type` can go from individual to team, and back only while the team has no member but its owner.
 */
const customerChanges = {
  metadata: polarMetadata.nullable().optional(),
  email: polarEmail.nullable().optional(),
  name: trimmedOrNull(256).optional(),
  ...unkeptFields,
};
export const customerUpdateInput = customerByIdInput.extend({
  ...customerChanges,
  externalId: trimmedOrNull(256).optional(),
  type: customerType.nullable().optional(),
});
export const customerUpdateByExternalIdInput = customerByExternalIdInput.extend(customerChanges);
export type CustomerChanges = Omit<z.infer<typeof customerUpdateInput>, 'id'>;

export const customerListInput = z.object({
  /** Only the key's own organization has customers here: another id gives an empty page. */
  organizationId: z.union([polarId, z.array(polarId)]).optional(),
  /** The email, in any case. */
  email: z.string().trim().max(320).optional(),
  /** Part of the name, email or external id, in any case. */
  query: z.string().trim().max(256).optional(),
  /** Customers with a trialing, active or past_due subscription: this service keeps none for customers. */
  active: queryBoolean.nullable().optional(),
  /** `metadata[key]=value` (deepObject): every key must match; a repeated key matches any of its values. */
  metadata: z.record(z.string().min(1).max(40), z.union([z.string(), z.array(z.string())])).optional(),
  ...pageInput,
  sorting: customerSorting,
});
export type CustomerListInput = z.infer<typeof customerListInput>;

/** `GET /v1/customers/export`: the organization's customers; `organization_id` as the list takes it. */
export const customerExportInput = z.object({
  organizationId: z.union([polarId, z.array(polarId)]).optional(),
});
export type CustomerExportInput = z.infer<typeof customerExportInput>;

/**
 * The export's CSV, a chunk of lines at a time, so a million customers stream through in flat memory: REST sends it
 * as `text/csv`, tRPC as a stream (the typed client reads it with a streaming link).
 */
export const customerCsv = z.custom<AsyncIterable<string>>(isAsyncIterable, { message: 'Expected CSV chunks' });

/** A result that arrives a chunk at a time (what a REST route streams, and tRPC's streaming link reads). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
