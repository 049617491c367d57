import type { CustomerMember as CustomerMemberOutput, CustomerMemberCreateInput } from '@members/contracts';
import { writeTogether, type CustomerMember } from '@members/db';
import * as customers from '../customers/customer-repository.js';
import * as repository from './customer-member-repository.js';
import { DomainError, invalidField, notFound } from '../errors.js';
import { auditStatement, writeAuditWithChange } from '../audit/audit-trail.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { eventLogged } from '../webhooks/outbox-signal.js';
import { emitPolar, logStatement, polarBody } from '../webhooks/outbox.js';
import { toCustomerMemberOutput } from './serialize.js';

/**
 * Polar's create: an email already a member of the customer returns that member unchanged; otherwise the new member
 * is added. An individual customer has its owner and no one else.
 *
 * No rule here spans rows that a lock must hold still: the partial unique indexes keep one live member per email and
 * per external id in a customer, and a create never makes an owner. So the member is one INSERT ... SELECT from its
 * live team customer that does nothing on a conflict (`insertIntoTeam`); concurrent creates into one team run side
 * by side. Only when nothing was inserted is the reason looked up. The `member.created` event commits with the row.
 */
export async function addCustomerMember(
  scope: RequestScope,
  input: CustomerMemberCreateInput,
): Promise<CustomerMemberOutput> {
  const subscribed = await scope.subscribers.to(scope.em, scope.organization.id, 'polar', 'member.created');
  return subscribed.length > 0
    ? inTransaction(scope, (tx) => add(tx, input, withDeliveries))
    : add(scope, input, logged);
}

type Insert = (tx: RequestScope, input: CustomerMemberCreateInput) => Promise<CustomerMemberOutput | null>;

/** The member and its customer, for the create's audit entry. */
const recordsOfMember = (member: CustomerMemberOutput) => [
  { type: 'customerMember', id: member.id },
  { type: 'customer', id: member.customerId },
];

/** The insert and its event, with a delivery to each endpoint subscribed, in the ORM's transaction. */
const withDeliveries: Insert = async (tx, input) => {
  const inserted = await repository.insertIntoTeam(tx, input);
  if (!inserted) return null;
  const member = toCustomerMemberOutput(inserted);
  await emitPolar(tx, 'member.created', member.id, member);
  await writeAuditWithChange(tx, recordsOfMember(member));
  return member;
};

/** With no endpoint subscribed: the insert and its event as two statements sent together (`writeTogether`). */
const logged: Insert = async (tx, input) => {
  const insert = repository.insertIntoTeamStatement(tx, input);
  const logOf = (member: CustomerMemberOutput) =>
    logStatement(tx, [
      { surface: 'polar', type: 'member.created', orderingKey: member.id, body: polarBody('member.created', member) },
    ]);
  const rows = await writeTogether<repository.MemberRow>(tx.em, insert, (written) => {
    const inserted = insert.read(written);
    if (!inserted) return [];
    const member = toCustomerMemberOutput(inserted);
    return [logOf(member), auditStatement(tx, recordsOfMember(member))];
  });
  const inserted = insert.read(rows);
  if (!inserted) return null;
  eventLogged();
  return toCustomerMemberOutput(inserted);
};

async function add(tx: RequestScope, input: CustomerMemberCreateInput, insert: Insert) {
  // A conflicting member can be deleted between the insert and the look-up: then the insert is tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const member = await insert(tx, input);
    if (member) return member;
    const existing = await whyNotInserted(tx, input);
    if (existing) return toCustomerMemberOutput(existing);
  }
  throw new DomainError('conflict', 'The customer’s members changed while this one was added; try again');
}

/** Why nothing was inserted, as Polar answers it; the member itself when its email is already in the customer. */
async function whyNotInserted(tx: RequestScope, input: CustomerMemberCreateInput): Promise<CustomerMember | null> {
  const customer = await customers.findLive(tx, { id: input.customerId });
  if (!customer) throw notFound('Customer not found');
  const existing = await repository.findInCustomer(tx, customer, { emailKey: input.email.toLowerCase() });
  if (existing) return existing;
  if (customer.type === 'individual') {
    throw new DomainError('forbidden', 'An individual customer cannot have members other than its owner');
  }
  if (input.externalId && (await repository.countInCustomer(tx, customer, { externalId: input.externalId })) > 0) {
    throw invalidField('externalId', 'A member with this external ID already exists in this customer.');
  }
  return null;
}
