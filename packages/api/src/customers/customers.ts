import { randomUUID } from 'node:crypto';
import type { CustomerCreateInput, CustomerListInput } from '@members/contracts';
import { Customer, CustomerMember, UniqueConstraintViolationException, type EntityManager } from '@members/db';
import type { Principal } from '../auth/api-keys.js';
import { invalidField, notFound } from '../errors.js';
import { pageQuery, paginationOf } from '../pagination.js';

const externalIdTaken = (externalId: string) =>
  invalidField(
    'externalId',
    'A customer with this external ID already exists.',
    `A customer with external ID ${externalId} already exists.`,
  );

/** Creates the customer and, in the same transaction, its owner member. */
export async function createCustomer(
  em: EntityManager,
  organizationId: number,
  input: CustomerCreateInput,
): Promise<Customer> {
  try {
    return await em.transactional(async (tx) => {
      if (
        input.externalId &&
        (await tx.count(Customer, { organization: organizationId, externalId: input.externalId })) > 0
      ) {
        throw externalIdTaken(input.externalId);
      }
      const now = new Date();
      const customer = tx.create(Customer, {
        id: randomUUID(),
        organization: organizationId,
        type: input.type,
        email: input.email ?? null,
        name: input.name ?? null,
        externalId: input.externalId ?? null,
        metadata: input.metadata ?? {},
        createdAt: now,
        modifiedAt: null,
      });
      const owner =
        input.owner ?? (input.email ? { email: input.email, name: input.name, externalId: input.externalId } : null);
      // The contract already refuses this; checked again because a customer without an owner must never exist.
      if (!owner) throw invalidField('email', 'The customer needs an email or an owner', 'Field required');
      tx.create(CustomerMember, {
        id: randomUUID(),
        organization: organizationId,
        customer,
        email: owner.email,
        emailKey: owner.email.toLowerCase(),
        name: owner.name ?? null,
        externalId: owner.externalId ?? null,
        role: 'owner',
        createdAt: now,
        modifiedAt: null,
        deletedAt: null,
      });
      return customer;
    });
  } catch (error) {
    // Two creates with one external id raced past the check: the unique index decided.
    if (error instanceof UniqueConstraintViolationException && input.externalId)
      throw externalIdTaken(input.externalId);
    throw error;
  }
}

export async function getCustomer(em: EntityManager, principal: Principal, id: string): Promise<Customer> {
  const customer = await em.findOne(Customer, { id, organization: principal.organizationId });
  if (!customer) throw notFound('Customer not found');
  return customer;
}

export async function listCustomers(em: EntityManager, principal: Principal, input: CustomerListInput) {
  const where = { organization: principal.organizationId, ...(input.email ? { email: input.email } : {}) };
  const [items, totalCount] = await em.findAndCount(Customer, where, pageQuery(input));
  return { items, pagination: paginationOf(totalCount, input.limit) };
}
