import { randomUUID } from 'node:crypto';
import type { MemberChanges, MemberCreateInput, MemberListInput } from '@members/contracts';
import { Customer, CustomerMember, type Database, type EntityManager, type FilterQuery } from '@members/db';
import type { Principal } from '../auth/api-keys.js';
import { AppError, invalidField, notFound } from '../errors.js';
import { writeLock } from '../locking.js';
import { pageQuery, paginationOf } from '../pagination.js';

/** Which live member a request names: by id, or by external id within a customer; nested routes add the customer. */
export type MemberSelector =
  | { id: string; customerId?: string | undefined }
  | { externalId: string; customerId?: string | undefined; externalCustomerId?: string | undefined };

function whereSelected(principal: Principal, selector: MemberSelector): FilterQuery<CustomerMember> {
  const customer =
    'externalCustomerId' in selector && selector.externalCustomerId !== undefined
      ? { customer: { externalId: selector.externalCustomerId } }
      : selector.customerId !== undefined
        ? { customer: selector.customerId }
        : {};
  const member = 'id' in selector ? { id: selector.id } : { externalId: selector.externalId };
  return { ...member, ...customer, organization: principal.organizationId, deletedAt: null };
}

export async function getCustomerMember(
  em: EntityManager,
  principal: Principal,
  selector: MemberSelector,
): Promise<CustomerMember> {
  const member = await em.findOne(CustomerMember, whereSelected(principal, selector));
  if (!member) throw notFound('Member not found');
  return member;
}

/**
 * Every change to a customer's members runs under a lock on the customer row, so the rules that span members
 * (one owner, unique email and external id) are checked and written without another writer in between.
 */
async function lockCustomer(tx: EntityManager, dialect: Database['dialect'], principal: Principal, customerId: string) {
  const customer = await tx.findOne(
    Customer,
    { id: customerId, organization: principal.organizationId },
    { lockMode: writeLock(dialect) },
  );
  if (!customer) throw notFound('Customer not found');
  return customer;
}

/** The selected member, re-read once its customer is locked (it may have changed while we waited). */
async function lockedMember(
  tx: EntityManager,
  dialect: Database['dialect'],
  principal: Principal,
  selector: MemberSelector,
) {
  const found = await getCustomerMember(tx, principal, selector);
  await lockCustomer(tx, dialect, principal, found.customer.id);
  const member = await tx.findOne(CustomerMember, { id: found.id, deletedAt: null }, { refresh: true });
  if (!member) throw notFound('Member not found');
  return member;
}

/**
 * Polar's create: an email already a member of the customer returns that member unchanged; otherwise the new
 * member is added. An individual customer has its owner and no one else.
 */
export async function createCustomerMember(
  em: EntityManager,
  dialect: Database['dialect'],
  principal: Principal,
  input: MemberCreateInput,
) {
  return em.transactional(async (tx) => {
    const customer = await lockCustomer(tx, dialect, principal, input.customerId);
    const emailKey = input.email.toLowerCase();
    const existing = await tx.findOne(CustomerMember, { customer, emailKey, deletedAt: null });
    if (existing) return existing;
    if (customer.type === 'individual') {
      throw new AppError('forbidden', 'An individual customer cannot have members other than its owner');
    }
    if (
      input.externalId &&
      (await tx.count(CustomerMember, { customer, externalId: input.externalId, deletedAt: null })) > 0
    ) {
      throw invalidField('externalId', 'A member with this external ID already exists in this customer.');
    }
    return tx.create(CustomerMember, {
      id: randomUUID(),
      organization: principal.organizationId,
      customer,
      email: input.email,
      emailKey,
      name: input.name ?? null,
      externalId: input.externalId ?? null,
      role: input.role,
      createdAt: new Date(),
      modifiedAt: null,
      deletedAt: null,
    });
  });
}

export async function updateCustomerMember(
  em: EntityManager,
  dialect: Database['dialect'],
  principal: Principal,
  selector: MemberSelector,
  changes: MemberChanges,
) {
  return em.transactional(async (tx) => {
    const member = await lockedMember(tx, dialect, principal, selector);
    const now = new Date();
    let changed = false;
    if (changes.email !== undefined && changes.email !== member.email) {
      const emailKey = changes.email.toLowerCase();
      const taken = await tx.count(CustomerMember, {
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
    if (changes.role !== undefined && changes.role !== member.role) {
      if (member.role === 'owner') {
        throw invalidField('role', 'The owner cannot be demoted: make another member the owner instead.');
      }
      if (changes.role === 'owner') {
        const owner = await tx.findOne(CustomerMember, { customer: member.customer, role: 'owner', deletedAt: null });
        if (owner) {
          owner.role = 'billing_manager';
          owner.modifiedAt = now;
          // Demote before promoting: the one-owner index is checked statement by statement.
          await tx.flush();
        }
      }
      member.role = changes.role;
      changed = true;
    }
    if (changed) member.modifiedAt = now;
    return member;
  });
}

/** Soft delete: the email and external id become free again. The owner stays. */
export async function deleteCustomerMember(
  em: EntityManager,
  dialect: Database['dialect'],
  principal: Principal,
  selector: MemberSelector,
) {
  return em.transactional(async (tx) => {
    const member = await lockedMember(tx, dialect, principal, selector);
    if (member.role === 'owner') {
      throw invalidField(
        'id' in selector ? 'id' : 'externalId',
        'The owner cannot be deleted: transfer ownership first.',
      );
    }
    member.deletedAt = new Date();
    return { id: member.id };
  });
}

export async function listCustomerMembers(em: EntityManager, principal: Principal, input: MemberListInput) {
  const customer = {
    ...(input.customerId !== undefined ? { id: input.customerId } : {}),
    ...(input.externalCustomerId !== undefined ? { externalId: input.externalCustomerId } : {}),
  };
  const where: FilterQuery<CustomerMember> = {
    organization: principal.organizationId,
    deletedAt: null,
    ...(Object.keys(customer).length > 0 ? { customer } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
  };
  const [items, totalCount] = await em.findAndCount(CustomerMember, where, pageQuery(input));
  return { items, pagination: paginationOf(totalCount, input.limit) };
}
