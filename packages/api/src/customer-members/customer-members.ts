import {
  polarId,
  type CustomerMember as CustomerMemberOutput,
  type CustomerMemberChanges,
  type CustomerMemberList,
  type CustomerMemberListInput,
  type CustomerMembersOfCustomerInput,
  type DeletedRecord,
} from '@members/contracts';
import { Customer, CustomerMember, type FilterQuery } from '@members/db';
import { invalidField, notFound } from '../errors.js';
import { paginationOf } from '../pagination.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { memberPage } from './member-page.js';
import { toCustomerMemberOutput } from './serialize.js';
import { emitPolar } from '../webhooks/outbox.js';

/** Which live member a request names: by id, or by external id within a customer; nested routes add the customer. */
export type CustomerMemberSelector =
  | { id: string; customerId?: string | undefined }
  | { externalId: string; customerId?: string | undefined; externalCustomerId?: string | undefined };

function whereSelected(scope: RequestScope, selector: CustomerMemberSelector): FilterQuery<CustomerMember> {
  const customer =
    'externalCustomerId' in selector && selector.externalCustomerId !== undefined
      ? { customer: { externalId: selector.externalCustomerId } }
      : selector.customerId !== undefined
        ? { customer: selector.customerId }
        : {};
  const member = 'id' in selector ? { id: selector.id } : { externalId: selector.externalId };
  return { ...member, ...customer, organization: scope.organization.id, deletedAt: null };
}

async function findCustomerMember(scope: RequestScope, selector: CustomerMemberSelector): Promise<CustomerMember> {
  const member = await scope.em.findOne(CustomerMember, whereSelected(scope, selector));
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
  const customer = await tx.em.findOne(
    Customer,
    { id: customerId, organization: tx.organization.id, deletedAt: null },
    { lockMode: tx.writeLock },
  );
  if (!customer) throw notFound('Customer not found');
  return customer;
}

/** The selected member, re-read once its customer is locked (it may have changed while we waited). */
async function lockedMember(tx: RequestScope, selector: CustomerMemberSelector) {
  const found = await findCustomerMember(tx, selector);
  await lockCustomer(tx, found.customer.id);
  const member = await tx.em.findOne(CustomerMember, { id: found.id, deletedAt: null }, { refresh: true });
  if (!member) throw notFound('Member not found');
  return member;
}

export async function updateCustomerMember(
  scope: RequestScope,
  selector: CustomerMemberSelector,
  changes: CustomerMemberChanges,
): Promise<CustomerMemberOutput> {
  return inTransaction(scope, async (tx) => {
    const member = await lockedMember(tx, selector);
    const now = new Date();
    let changed = false;
    // null is "no change" for email and role (Polar's schema makes them nullable); it clears the name.
    if (changes.email != null && changes.email !== member.email) {
      const emailKey = changes.email.toLowerCase();
      const taken = await tx.em.count(CustomerMember, {
        customer: member.customer,
        emailKey,
        deletedAt: null,
        id: { $ne: member.id },
      });
      if (taken > 0) throw invalidField('email', 'A member with this email already exists in this customer.');
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
        throw invalidField('role', 'The owner cannot be demoted: make another member the owner instead.');
      }
      if (changes.role === 'owner') {
        const owner = await tx.em.findOne(CustomerMember, {
          customer: member.customer,
          role: 'owner',
          deletedAt: null,
        });
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
    const member = await lockedMember(tx, selector);
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
  const where =
    named.externalCustomerId !== undefined ? { externalId: named.externalCustomerId } : { id: named.customerId };
  const customer = await scope.em.findOne(
    Customer,
    { ...where, organization: scope.organization.id, deletedAt: null },
    { fields: ['id'] },
  );
  if (!customer) throw notFound('Customer not found');
  return customer.id;
}

/** The nested lists: one customer's members, which must exist. */
export async function listMembersOfCustomer(
  scope: RequestScope,
  input: CustomerMembersOfCustomerInput,
): Promise<CustomerMemberList> {
  const customerId = await customerNamed(scope, input);
  const { items, total } = await memberPage(scope, { customerId, role: input.role }, input);
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
    const customer = await scope.em.findOne(
      Customer,
      { organization: scope.organization.id, externalId: input.externalCustomerId, deletedAt: null },
      { fields: ['id'] },
    );
    if (!customer || (customerId !== undefined && customer.id !== customerId)) {
      return { items: [], pagination: paginationOf(0, input.limit) };
    }
    customerId = customer.id;
  }
  const { items, total } = await memberPage(scope, { customerId, role: input.role }, input);
  return { items: items.map(toCustomerMemberOutput), pagination: paginationOf(total, input.limit) };
}
