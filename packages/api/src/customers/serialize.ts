import { createHash } from 'node:crypto';
import type { Customer as CustomerOutput, CustomerMember as CustomerMemberOutput } from '@members/contracts';
import type { Customer, CustomerMember } from '@members/db';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function toCustomerMemberOutput(member: CustomerMember): CustomerMemberOutput {
  return {
    id: member.id,
    createdAt: member.createdAt.toISOString(),
    modifiedAt: iso(member.modifiedAt),
    customerId: member.customer.id,
    email: member.email,
    name: member.name ?? null,
    externalId: member.externalId ?? null,
    role: member.role,
  };
}

/** Polar's avatar is the Gravatar of the email; clients only ever display it. */
const avatarUrl = (email: string | null | undefined) =>
  `https://www.gravatar.com/avatar/${createHash('md5')
    .update((email ?? '').trim().toLowerCase())
    .digest('hex')}?d=404`;

export function toCustomerOutput(customer: Customer): CustomerOutput {
  return {
    id: customer.id,
    createdAt: customer.createdAt.toISOString(),
    modifiedAt: iso(customer.modifiedAt),
    metadata: customer.metadata,
    externalId: customer.externalId ?? null,
    email: customer.email ?? null,
    emailVerified: false,
    type: customer.type,
    name: customer.name ?? null,
    billingAddress: null,
    taxId: null,
    locale: null,
    organizationId: String(customer.organization.id),
    defaultPaymentMethodId: null,
    deletedAt: null,
    avatarUrl: avatarUrl(customer.email),
  };
}
