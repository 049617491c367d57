import type { MemberEraseInput } from '@members/contracts';
import { invalidField, notFound } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import * as organizationMembers from './member-repository.js';

/** The member `input` names by id or email (both when they agree), locked for the change. */
export async function memberNamed(tx: RequestScope, input: MemberEraseInput) {
  // The contract requires one of the two.
  const where = input.userId !== undefined ? { id: input.userId } : { email: input.email ?? '' };
  const member = await organizationMembers.findOne(tx, where, { lock: true });
  if (!member) throw notFound(`No member ${input.userId ?? input.email}`);
  if (input.userId !== undefined && input.email !== undefined && member.email !== input.email) {
    throw invalidField('email', 'email and userId name different members', `does not belong to member ${input.userId}`);
  }
  return member;
}
