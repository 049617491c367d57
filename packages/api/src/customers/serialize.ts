import { createHash } from 'node:crypto';
import type { Customer as CustomerOutput } from '@members/contracts';
import type { Customer } from '@members/db';

/**
 * Polar's avatar (models/customer.py): Gravatar's URL of the SHA-256 of the lowercased email, 404 when it has none.
 */
const avatarUrl = (email: string | null | undefined) =>
  `https://www.gravatar.com/avatar/${createHash('sha256')
    .update((email ?? '').trim().toLowerCase())
    .digest('hex')}?d=404`;

/** `organizationId` is the public id of the organization the customer belongs to (the caller's). */
export function toCustomerOutput(customer: Customer, organizationId: string): CustomerOutput {
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
    avatarUrl: avatarUrl(customer.email),
  };
}
