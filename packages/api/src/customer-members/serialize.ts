import type { CustomerMember as CustomerMemberOutput } from '@members/contracts';
import type { CustomerMember } from '@members/db';

export function toCustomerMemberOutput(member: CustomerMember): CustomerMemberOutput {
  return {
    id: member.id,
    createdAt: member.createdAt.toISOString(),
    modifiedAt: member.modifiedAt ? member.modifiedAt.toISOString() : null,
    customerId: member.customer.id,
    email: member.email,
    name: member.name ?? null,
    externalId: member.externalId ?? null,
    role: member.role,
  };
}
