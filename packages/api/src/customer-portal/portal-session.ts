import type { CustomerPortalMemberList, CustomerPortalSession } from '@members/contracts';
import { Customer, CustomerMember, CustomerSession } from '@members/db';
import { notFound } from '../errors.js';
import { paginationOf } from '../pagination.js';
import type { RequestScope } from '../request-scope.js';
import { memberPage } from '../customer-members/member-page.js';
import { toCustomerMemberOutput } from '../customer-members/serialize.js';

const sessionMember = (scope: RequestScope) => {
  if (!scope.member) throw new Error('a portal procedure ran without a member session');
  return scope.member;
};

const portalView = ({ createdAt, modifiedAt, id, email, name, role }: ReturnType<typeof toCustomerMemberOutput>) => ({
  createdAt,
  modifiedAt,
  id,
  email,
  name,
  role,
});

/** The session as the portal page shows it. */
export async function portalSession(scope: RequestScope): Promise<CustomerPortalSession> {
  const signedIn = sessionMember(scope);
  const [session, member, customer] = await Promise.all([
    scope.em.findOne(CustomerSession, { id: signedIn.sessionId }),
    scope.em.findOne(CustomerMember, { id: signedIn.id, deletedAt: null }),
    scope.em.findOne(Customer, { id: signedIn.customerId, deletedAt: null }),
  ]);
  if (!session || !member || !customer) throw notFound('The session’s member or customer is gone');
  return {
    member: portalView(toCustomerMemberOutput(member)),
    customer: { id: customer.id, name: customer.name ?? null, email: customer.email ?? null, type: customer.type },
    canManage: customer.type === 'team' && member.role !== 'member',
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
  const { items, total } = await memberPage(scope, { customerId }, { ...page, sorting: ['created_at'] });
  return {
    items: items.map((item) => portalView(toCustomerMemberOutput(item))),
    pagination: paginationOf(total, page.limit),
  };
}
