import { createHash } from 'node:crypto';
import type { Customer as CustomerOutput } from '@members/contracts';
import type { Customer } from '@members/db';

/**
 * Polar's avatar (models/customer.py): Gravatar's URL of the SHA-256 of the lowercased email (a team without one:
 * its owner's), 404 when Gravatar has none.
 */
const avatarUrl = (email: string | null | undefined) =>
  `https://www.gravatar.com/avatar/${createHash('sha256')
    .update((email ?? '').trim().toLowerCase())
    .digest('hex')}?d=404`;

/**
 * `organizationId` is the public id of the organization the customer belongs to (the caller's); `ownerEmail` is its
 * owner's, read for a customer without an email of its own (`ownerEmailsOf`).
 */
export function toCustomerOutput(customer: Customer, organizationId: string, ownerEmail?: string): CustomerOutput {
  return {
    id: customer.id,
    createdAt: customer.createdAt.toISOString(),
    modifiedAt: customer.modifiedAt ? customer.modifiedAt.toISOString() : null,
    metadata: customer.metadata,
    externalId: customer.externalId ?? null,
    email: customer.email ?? null,
    emailVerified: false,
    type: customer.type,
    name: customer.name ?? null,
    billingName: null,
    billingAddress: null,
    taxId: null,
    locale: null,
    organizationId,
    defaultPaymentMethodId: null,
    deletedAt: null,
    firstUserEventAt: null,
    avatarUrl: avatarUrl(customer.email ?? ownerEmail),
  };
}
