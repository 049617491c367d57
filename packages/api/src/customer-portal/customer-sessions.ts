import { randomUUID } from 'node:crypto';
import type { CustomerSession as CustomerSessionOutput, CustomerSessionCreateInput } from '@members/contracts';
import { CustomerSession } from '@members/db';
import * as customers from '../customers/customer-repository.js';
import * as customerMembers from '../customer-members/customer-member-repository.js';
import { newSessionToken } from '../auth/member-sessions.js';
import { invalidField } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import { customerOutput } from '../customers/customers.js';

/** How long a session signs its member in, as Polar's. */
const sessionMs = 60 * 60 * 1000;

/**
 * `POST /v1/customer-sessions/`: signs a member of a customer in to the customer portal for an hour. What the body
 * names and does not exist is Polar's 422 at that field, and nothing is created.
 */
export async function createCustomerSession(
  scope: RequestScope,
  input: CustomerSessionCreateInput,
): Promise<CustomerSessionOutput> {
  const byId = input.customerId !== undefined;
  const selector = customers.selectorOf(input);
  const customer = selector && (await customers.findLive(scope, selector));
  if (!customer) throw invalidField(byId ? 'customerId' : 'externalCustomerId', 'Customer does not exist.');

  // A team's session is one member's: Polar asks which (customer_session/service.py); an individual's is its owner's.
  if (customer.type === 'team' && !input.memberId && !input.externalMemberId) {
    throw invalidField('memberId', 'member_id is required for team customers.');
  }
  const memberNamed = input.memberId
    ? { id: input.memberId }
    : input.externalMemberId
      ? { externalId: input.externalMemberId }
      : { role: 'owner' as const };
  const member = await customerMembers.findInCustomer(scope, customer, memberNamed);
  if (!member) {
    const field = input.memberId ? 'memberId' : input.externalMemberId ? 'externalMemberId' : 'customerId';
    throw invalidField(
      field,
      field === 'customerId' ? 'No owner member found for this customer.' : 'Member does not exist for this customer.',
    );
  }

  const { token, tokenHash } = newSessionToken();
  const now = new Date();
  const session = scope.em.create(CustomerSession, {
    id: randomUUID(),
    organization: scope.organization.id,
    customerId: customer.id,
    memberId: member.id,
    tokenHash,
    returnUrl: input.returnUrl ?? null,
    expiresAt: new Date(now.getTime() + sessionMs),
    createdAt: now,
  });
  await scope.em.flush();
  const portal = new URL('/portal', scope.origin ?? 'http://localhost');
  portal.searchParams.set('customer_session_token', token);
  portal.searchParams.set('email', member.email);
  // The page links back here even once the token has expired, when it can no longer ask for the session.
  if (session.returnUrl) portal.searchParams.set('return_url', session.returnUrl);
  return {
    createdAt: session.createdAt.toISOString(),
    modifiedAt: null,
    id: session.id,
    token,
    expiresAt: session.expiresAt.toISOString(),
    returnUrl: session.returnUrl ?? null,
    customerPortalUrl: portal.toString(),
    customerId: customer.id,
    customer: await customerOutput(scope, customer),
  };
}
