import {
  polarId,
  type CustomerMember as CustomerMemberOutput,
  type CustomerMemberChanges,
  type CustomerMemberList,
  type CustomerMemberListInput,
  type CustomerMembersOfCustomerInput,
  type DeletedRecord,
} from '@members/contracts';
import type { CustomerMember } from '@members/db';
import * as customers from '../customers/customer-repository.js';
import { invalidField, notFound } from '../errors.js';
import { paginationOf } from '../pagination.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import * as repository from './customer-member-repository.js';
import type { CustomerMemberSelector } from './customer-member-repository.js';
import { toCustomerMemberOutput } from './serialize.js';
import { emitPolar } from '../webhooks/outbox.js';

async function findCustomerMember(scope: RequestScope, selector: CustomerMemberSelector): Promise<CustomerMember> {
  const member = await repository.findSelected(scope, selector);
  if (!member) throw notFound('Member not found');
  return member;
}

export async function getCustomerMember(
  scope: RequestScope,
  selector: CustomerMemberSelector,
): Promise<CustomerMemberOutput> {
  return toCustomerMemberOutput(await findCustomerMember(scope, selector));
}

/**
 * Every change to a customer's members runs under a lock on the customer row, so the rules that span members
 * (one owner, unique email and external id) are checked and written without another writer in between.
 */
async function lockCustomer(tx: RequestScope, customerId: string) {
  const customer = await customers.findLive(tx, { id: customerId }, { lock: true });
  if (!customer) throw notFound('Customer not found');
  return customer;
}

/** The selected member, re-read once its customer is locked (it may have changed while we waited). */
async function lockedMember(tx: RequestScope, selector: CustomerMemberSelector) {
  const found = await findCustomerMember(tx, selector);
  const customer = await lockCustomer(tx, found.customer.id);
  const member = await repository.findLive(tx, found.id, { refresh: true });
  if (!member) throw notFound('Member not found');
  return { member, customer };
}

export async function updateCustomerMember(
  scope: RequestScope,
  selector: CustomerMemberSelector,
  changes: CustomerMemberChanges,
): Promise<CustomerMemberOutput> {
  return inTransaction(scope, async (tx) => {
    const { member, customer } = await lockedMember(tx, selector);
    const now = new Date();
    let changed = false;
    // null is "no change" for email and role (Polar's schema makes them nullable); it clears the name.
    if (changes.email != null && changes.email !== member.email) {
      // Polar's rule and words (member/service.py): an individual customer's owner has the customer's email, kept
      // in step when the customer's changes.
      if (customer.type === 'individual') {
        throw invalidField(
          'email',
          "Cannot change the email of an individual customer's owner. Update the customer's email instead.",
        );
      }
      const emailKey = changes.email.toLowerCase();
      const taken = await repository.countInCustomer(tx, member.customer, { emailKey, except: member.id });
      if (taken > 0) throw invalidField('email', 'A member with this email already exists for this customer.');
      member.email = changes.email;
      member.emailKey = emailKey;
      changed = true;
    }
    if (changes.name !== undefined && changes.name !== member.name) {
      member.name = changes.name;
      changed = true;
    }
    if (changes.role != null && changes.role !== member.role) {
      if (member.role === 'owner') {
        // Polar's words (member/service.py): the owner changes only by naming another member the owner.
        throw invalidField('role', 'Cannot change role. Customer must have exactly one owner.');
      }
      if (changes.role === 'owner') {
        const owner = await repository.findInCustomer(tx, member.customer, { role: 'owner' });
        if (owner) {
          owner.role = 'billing_manager';
          owner.modifiedAt = now;
          // Demote before promoting: the one-owner index is checked statement by statement.
          await tx.em.flush();
          await emitPolar(tx, 'member.updated', owner.id, toCustomerMemberOutput(owner));
        }
      }
      member.role = changes.role;
      changed = true;
    }
    if (changed) member.modifiedAt = now;
    await tx.em.flush();
    const output = toCustomerMemberOutput(member);
    if (changed) await emitPolar(tx, 'member.updated', output.id, output);
    return output;
  });
}

/** Soft delete: the email and external id become free again. The owner stays. */
export async function deleteCustomerMember(
  scope: RequestScope,
  selector: CustomerMemberSelector,
): Promise<DeletedRecord> {
  return inTransaction(scope, async (tx) => {
    const { member } = await lockedMember(tx, selector);
    if (member.role === 'owner') {
      throw invalidField(
        'id' in selector ? 'id' : 'externalId',
        'The owner cannot be deleted: transfer ownership first.',
      );
    }
    member.deletedAt = new Date();
    await emitPolar(tx, 'member.deleted', member.id, toCustomerMemberOutput(member));
    return { id: member.id };
  });
}

/** The live customer a nested route names, by id or by external id: 404 when there is none. */
export async function customerNamed(
  scope: RequestScope,
  named: { customerId?: string | undefined; externalCustomerId?: string | undefined },
): Promise<string> {
  const selector = customers.selectorOf(named);
  const id = selector && (await customers.idOf(scope, selector));
  if (!id) throw notFound('Customer not found');
  return id;
}

/** The nested lists: one customer's members, which must exist. */
export async function listMembersOfCustomer(
  scope: RequestScope,
  input: CustomerMembersOfCustomerInput,
): Promise<CustomerMemberList> {
  const customerId = await customerNamed(scope, input);
  const { items, total } = await repository.page(scope, { customerId, role: input.role }, input);
  return { items: items.map(toCustomerMemberOutput), pagination: paginationOf(total, input.limit) };
}

export async function listCustomerMembers(
  scope: RequestScope,
  input: CustomerMemberListInput,
): Promise<CustomerMemberList> {
  // Polar's schema takes any string: one that is not even a uuid names no customer.
  if (input.customerId !== undefined && !polarId.safeParse(input.customerId).success) {
    return { items: [], pagination: paginationOf(0, input.limit) };
  }
  let customerId = input.customerId?.toLowerCase();
  if (input.externalCustomerId !== undefined) {
    // Members of a deleted customer went with it: only a live customer has any to list.
    const id = await customers.idOf(scope, { externalId: input.externalCustomerId });
    if (id === null || (customerId !== undefined && id !== customerId)) {
      return { items: [], pagination: paginationOf(0, input.limit) };
    }
    customerId = id;
  }
  const { items, total } = await repository.page(scope, { customerId, role: input.role }, input);
  return { items: items.map(toCustomerMemberOutput), pagination: paginationOf(total, input.limit) };
}
