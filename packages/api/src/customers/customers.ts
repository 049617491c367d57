import type {
  Customer as CustomerOutput,
  CustomerChanges,
  CustomerCreateInput,
  CustomerList,
  CustomerListInput,
  CustomerSelector,
  DeletedRecord,
} from '@members/contracts';
import { type Customer, UniqueConstraintViolationException } from '@members/db';
import { type DomainError, invalidField, invalidRequest, notFound } from '../errors.js';
import { paginationOf } from '../pagination.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import * as repository from './customer-repository.js';
import * as customerMembers from '../customer-members/customer-member-repository.js';
import { toCustomerOutput } from './serialize.js';
import { toCustomerMemberOutput } from '../customer-members/serialize.js';
import { emitPolar } from '../webhooks/outbox.js';

const externalIdTaken = (externalId: string) =>
  invalidField(
    'externalId',
    'A customer with this external ID already exists.',
    `A customer with external ID ${externalId} already exists.`,
  );
const emailTaken = () => invalidField('email', 'A customer with this email address already exists.');

/** Every refusal found, raised at once (the request is not written), as Polar lists them; one keeps its own words. */
function raiseAll(refused: DomainError[]): void {
  const [only] = refused;
  if (only && refused.length === 1) throw only;
  if (refused.length > 1) throw invalidRequest(refused.flatMap((error) => error.issues));
}

/**
 * The customer unique keys a concurrent write beat us to (the checks before the write saw them free): the index
 * names its email key or its external id.
 */
async function withUniqueKeys<T>(externalId: string | null | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    if (/customer_email_unique|customer\.email_key/.test(error.message)) throw emailTaken();
    if (externalId) throw externalIdTaken(externalId);
    throw error;
  }
}

/** Creates the customer and, in the same transaction, its owner member. */
export async function createCustomer(scope: RequestScope, input: CustomerCreateInput): Promise<CustomerOutput> {
  if (input.organizationId && input.organizationId !== scope.organization.publicId) {
    throw invalidField('organizationId', 'This key can only create customers of its own organization.');
  }
  return withUniqueKeys(input.externalId, () =>
    inTransaction(scope, async (tx) => {
      const { em, organization } = tx;
      const refused: DomainError[] = [];
      if (input.email && (await repository.emailInUse(tx, input.email))) refused.push(emailTaken());
      if (input.externalId && (await repository.externalIdInUse(tx, input.externalId))) {
        refused.push(externalIdTaken(input.externalId));
      }
      raiseAll(refused);
      const now = new Date();
      const customer = repository.create(tx, input, now);
      // Any customer, individual or team, may name its owner; each field left out is the customer's own, as in
      // Polar's member service (create_owner_member).
      const email = input.owner?.email || input.email;
      // The contract already refuses this; checked again because a customer without an owner must never exist.
      if (!email) throw invalidField('email', 'An email is required to create an owner member.');
      const ownerMember = customerMembers.create(
        tx,
        customer,
        {
          email,
          name: input.owner?.name || input.name,
          externalId: input.owner?.externalId || input.externalId,
          role: 'owner',
        },
        now,
      );
      await em.flush();
      const output = toCustomerOutput(customer, organization.publicId, email);
      await emitPolar(tx, 'customer.created', output.id, output);
      await emitPolar(tx, 'member.created', ownerMember.id, toCustomerMemberOutput(ownerMember));
      return output;
    }),
  );
}

/** A live customer of the scope's organization, by id or external id; locked for writing when asked. */
export async function findCustomer(scope: RequestScope, selector: CustomerSelector, lock = false): Promise<Customer> {
  const customer = await repository.findLive(scope, selector, { lock });
  if (!customer) throw notFound('Customer not found');
  return customer;
}

/** Customers as Polar serves them; the owners' emails are read at once for those without an email. */
async function outputsOf(scope: RequestScope, customers: readonly Customer[]): Promise<CustomerOutput[]> {
  const ownerEmails = await customerMembers.ownerEmailsOf(scope, customers);
  return customers.map((customer) =>
    toCustomerOutput(customer, scope.organization.publicId, ownerEmails.get(customer.id)),
  );
}

/** One customer as Polar serves it. */
export async function customerOutput(scope: RequestScope, customer: Customer): Promise<CustomerOutput> {
  const [output] = await outputsOf(scope, [customer]);
  if (!output) throw new Error('a customer gave no output');
  return output;
}

export async function getCustomer(scope: RequestScope, selector: CustomerSelector): Promise<CustomerOutput> {
  return customerOutput(scope, await findCustomer(scope, selector));
}

export async function updateCustomer(
  scope: RequestScope,
  selector: CustomerSelector,
  changes: CustomerChanges,
): Promise<CustomerOutput> {
  return withUniqueKeys(changes.externalId, () =>
    inTransaction(scope, async (tx) => {
      const customer = await findCustomer(tx, selector, true);
      const changedFields = new Set<keyof Customer>();
      const set = <K extends 'email' | 'name' | 'metadata' | 'externalId' | 'type'>(key: K, value: Customer[K]) => {
        if (JSON.stringify(customer[key]) === JSON.stringify(value)) return;
        customer[key] = value;
        changedFields.add(key);
      };
      // Every refusal is found before any is raised, so that a caller hears of all of them at once, as from Polar.
      const refused: DomainError[] = [];
      let emailChanged = false;
      // null is "no change" for email, metadata and type; it clears the name.
      if (changes.email != null && changes.email !== customer.email) {
        const emailKey = repository.emailKeyOf(changes.email);
        // Another email (not only another case of this one) must be free; a kept duplicate leaving its shared email
        // becomes an ordinary customer.
        if (emailKey !== customer.emailKey) {
          if (await repository.emailInUse(tx, changes.email)) refused.push(emailTaken());
          customer.emailDuplicate = 0;
        }
        customer.emailKey = emailKey;
        set('email', changes.email);
        emailChanged = true;
      }
      if (changes.metadata != null) set('metadata', changes.metadata);
      if (changes.name !== undefined) set('name', changes.name);
      if (changes.externalId != null && changes.externalId !== customer.externalId) {
        if (customer.externalId !== null && customer.externalId !== undefined) {
          refused.push(invalidField('externalId', 'Customer external ID cannot be updated.'));
        } else if (await repository.externalIdInUse(tx, changes.externalId)) {
          refused.push(externalIdTaken(changes.externalId));
        }
        set('externalId', changes.externalId);
      }
      if (changes.type != null && changes.type !== customer.type) {
        // Polar's rule and words (customer/service.py): a team stays a team, whoever its members are.
        if (customer.type === 'team') {
          refused.push(invalidField('type', "Customer type cannot be downgraded from 'team' to 'individual'."));
        }
        set('type', changes.type);
      }
      raiseAll(refused);
      const changed = changedFields.size > 0;
      if (changed) customer.modifiedAt = new Date();
      const owner = emailChanged ? await ownerKeptInStep(tx, customer) : null;
      await tx.em.flush();
      const output = await customerOutput(tx, customer);
      if (changed) await emitPolar(tx, 'customer.updated', output.id, output);
      if (owner) await emitPolar(tx, 'member.updated', owner.id, toCustomerMemberOutput(owner));
      return output;
    }),
  );
}

/**
 * An individual customer's owner has the customer's email, as in Polar (member service's sync_owner_email): called
 * when the customer's email changed, it changes its owner's. The owner changed, or null.
 */
async function ownerKeptInStep(tx: RequestScope, customer: Customer) {
  if (customer.type !== 'individual' || !customer.email || !customer.emailKey) return null;
  const owner = await customerMembers.findInCustomer(tx, customer, { role: 'owner' });
  if (!owner || owner.emailKey === customer.emailKey) return null;
  owner.email = customer.email;
  owner.emailKey = customer.emailKey;
  owner.modifiedAt = new Date();
  return owner;
}

/**
 * Soft delete of the customer and its members: their emails and external ids are free again (with `anonymize`, the
 * delete is `eraseCustomer`).
 */
export async function deleteCustomer(scope: RequestScope, selector: CustomerSelector): Promise<DeletedRecord> {
  return inTransaction(scope, async (tx) => {
    const customer = await findCustomer(tx, selector, true);
    // Read while its owner is still live: the payload's avatar may be the owner's.
    const ownerEmail = (await customerMembers.ownerEmailsOf(tx, [customer])).get(customer.id);
    await softDelete(tx, customer);
    await emitPolar(
      tx,
      'customer.deleted',
      customer.id,
      toCustomerOutput(customer, tx.organization.publicId, ownerEmail),
    );
    return { id: customer.id };
  });
}

/** The customer and its live members marked deleted, now (the customer's row is written with the unit of work). */
export async function softDelete(tx: RequestScope, customer: Customer): Promise<void> {
  const now = new Date();
  await customerMembers.deleteAllOf(tx, customer, now);
  customer.deletedAt = now;
}

export async function listCustomers(scope: RequestScope, input: CustomerListInput): Promise<CustomerList> {
  const requested = input.organizationId === undefined ? [] : [input.organizationId].flat();
  // Another organization's id, or the active filter (no customer subscribes here), names nobody.
  if (input.active === true || (requested.length > 0 && !requested.includes(scope.organization.publicId))) {
    return { items: [], pagination: paginationOf(0, input.limit) };
  }
  const [items, totalCount] = await repository.page(scope, input);
  return {
    items: await outputsOf(scope, items),
    pagination: paginationOf(totalCount, input.limit),
  };
}
