import type {
  CustomerPortalMember,
  CustomerPortalMemberCreateInput,
  CustomerPortalMemberList,
  CustomerPortalMemberUpdateInput,
  DeletedRecord,
} from '@members/contracts';
import type { PortalMember } from '../auth/api-keys.js';
import { DomainError, invalidField } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import { addCustomerMember } from '../customer-members/add-customer-member.js';
import { deleteCustomerMember, getCustomerMember, updateCustomerMember } from '../customer-members/customer-members.js';
import { managesTeam, readTeam, sessionMember, toPortalMember } from './portal-session.js';

/** The session's member, if it may manage its team; otherwise a 403 that says which rule refused it. */
function manager(scope: RequestScope): PortalMember {
  const member = sessionMember(scope);
  if (managesTeam(member)) return member;
  throw new DomainError(
    'forbidden',
    member.customerType !== 'team'
      ? 'Member management is only available for team customers. Purchase a seat-based product to enable team features.'
      : 'Not permitted - requires owner or billing manager role',
  );
}

/** The team, for its owner or a billing manager (Polar's route refuses a plain member; the page reads `readTeam`). */
export function listTeam(
  scope: RequestScope,
  page: { page: number; limit: number },
): Promise<CustomerPortalMemberList> {
  manager(scope);
  return readTeam(scope, page);
}

/** Adds a member; an email already in the team returns that member. The team keeps its one owner. */
export async function addToTeam(
  scope: RequestScope,
  input: CustomerPortalMemberCreateInput,
): Promise<CustomerPortalMember> {
  const { customerId } = manager(scope);
  if (input.role === 'owner') {
    throw invalidField('role', 'Cannot add a member as owner. There must be exactly one owner.');
  }
  return toPortalMember(await addCustomerMember(scope, { ...input, role: input.role, customerId }));
}

/** A member's name or role; nobody changes their own role, and only the owner hands ownership on. */
export async function updateTeamMember(
  scope: RequestScope,
  { id, ...changes }: CustomerPortalMemberUpdateInput,
): Promise<CustomerPortalMember> {
  const actor = manager(scope);
  const member = await getCustomerMember(scope, { id, customerId: actor.customerId });
  if (changes.role != null && changes.role !== member.role) {
    if (member.id === actor.id) throw invalidField('id', 'You cannot modify your own role.');
    if (changes.role === 'owner' && actor.role !== 'owner') {
      throw invalidField('role', 'Only the owner can transfer ownership.');
    }
    if (member.role === 'owner') {
      throw invalidField('role', 'Cannot change role. Customer must have exactly one owner.');
    }
  }
  return toPortalMember(await updateCustomerMember(scope, { id, customerId: actor.customerId }, changes));
}

/** Removes a member; nobody removes themselves, and the owner stays. */
export async function removeTeamMember(scope: RequestScope, { id }: { id: string }): Promise<DeletedRecord> {
  const actor = manager(scope);
  const member = await getCustomerMember(scope, { id, customerId: actor.customerId });
  if (member.id === actor.id) throw invalidField('id', 'You cannot remove yourself from the team.');
  return deleteCustomerMember(scope, { id, customerId: actor.customerId });
}
