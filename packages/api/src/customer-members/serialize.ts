import type { CustomerMember as CustomerMemberOutput } from '@members/contracts';
import type { CustomerMember } from '@members/db';

/** What a member's contract shape is made from: an entity, or a row of a list page (`customer-member-repository.ts`). */
export type ListedCustomerMember = Pick<
  CustomerMember,
  'id' | 'createdAt' | 'modifiedAt' | 'email' | 'name' | 'externalId' | 'role'
> & { customer: { id: string } };

export function toCustomerMemberOutput(member: ListedCustomerMember): CustomerMemberOutput {
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
