import type {
  CustomerMember as CustomerMemberOutput,
  CustomerPortalMember,
  CustomerPortalMemberList,
  CustomerPortalSession,
} from '@members/contracts';
import type { PortalMember } from '../auth/api-keys.js';
import { CustomerSession } from '@members/db';
import { notFound } from '../errors.js';
import { paginationOf } from '../pagination.js';
import type { RequestScope } from '../request-scope.js';
import * as customerMembers from '../customer-members/customer-member-repository.js';
import * as customers from '../customers/customer-repository.js';
import { toCustomerMemberOutput } from '../customer-members/serialize.js';

/** The member a portal procedure acts as: they run only on a member session, which `authenticate` sees to. */
export function sessionMember(scope: RequestScope): PortalMember {
  if (!scope.member) throw new Error('a portal procedure ran without a member session');
  return scope.member;
}

/** Only a `team` customer has a team to manage, and only its owner or a billing manager manages it (Polar's rule). */
export const managesTeam = (member: Pick<PortalMember, 'role' | 'customerType'>) =>
  member.customerType === 'team' && member.role !== 'member';

/** A member as the portal shows it: what the organization's own view has, less the customer and the external id. */
export const toPortalMember = ({
  createdAt,
  modifiedAt,
  id,
  email,
  name,
  role,
}: CustomerMemberOutput): CustomerPortalMember => ({ createdAt, modifiedAt, id, email, name, role });

/** The session as the portal page shows it. */
export async function portalSession(scope: RequestScope): Promise<CustomerPortalSession> {
  const signedIn = sessionMember(scope);
  const [session, member, customer] = await Promise.all([
    scope.em.findOne(CustomerSession, { id: signedIn.sessionId }),
    customerMembers.findLive(scope, signedIn.id),
    customers.findLive(scope, { id: signedIn.customerId }),
  ]);
  if (!session || !member || !customer) throw notFound('The session’s member or customer is gone');
  return {
    member: toPortalMember(toCustomerMemberOutput(member)),
    customer: { id: customer.id, name: customer.name ?? null, email: customer.email ?? null, type: customer.type },
    canManage: managesTeam({ role: member.role, customerType: customer.type }),
    returnUrl: session.returnUrl ?? null,
    expiresAt: session.expiresAt.toISOString(),
  };
}

/** The team, oldest first, as any of its members may read it. */
export async function readTeam(
  scope: RequestScope,
  page: { page: number; limit: number },
): Promise<CustomerPortalMemberList> {
  const { customerId } = sessionMember(scope);
  const { items, total } = await customerMembers.page(scope, { customerId }, { ...page, sorting: ['created_at'] });
  return {
    items: items.map((item) => toPortalMember(toCustomerMemberOutput(item))),
    pagination: paginationOf(total, page.limit),
  };
}
