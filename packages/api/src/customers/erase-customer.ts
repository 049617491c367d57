import type { CustomerErasure, CustomerSelector } from '@members/contracts';
import { CustomerSession } from '@members/db';
import { finishErasure, receiptOf, scrubAnswersKept, scrubEvents, type Erasure } from '../erasure/copies.js';
import { polarCustomerEraser, type AnonymizedRow } from '../erasure/polar-customer.js';
import * as customerMembers from '../customer-members/customer-member-repository.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { emitPolar } from '../webhooks/outbox.js';
import { anonymize } from './anonymize.js';
import { findCustomer, softDelete } from './customers.js';
import { toCustomerOutput } from './serialize.js';

/**
 * Polar's delete with `anonymize=true`, and `customers.erase`: the customer and its members are soft-deleted and
 * every one of them, those removed before included, keeps only Polar's hashes of its email and name (Polar leaves the
 * members as they were); external ids are kept, as Polar keeps them for legal reasons. The events written about them
 * and the answers kept for keys that quote them are scrubbed, their portal sessions end, and `customer.deleted`
 * carries only the hashes. Answers the receipt.
 */
export async function eraseCustomer(scope: RequestScope, selector: CustomerSelector): Promise<CustomerErasure> {
  let erasure: Erasure | undefined;
  const erased = await inTransaction(scope, async (tx) => {
    const customer = await findCustomer(tx, selector, true);
    await softDelete(tx, customer);
    const members = await customerMembers.everyRowOf(tx, customer);
    const quoted = [customer.email, ...members.map((member) => member.email)].filter(
      (email) => typeof email === 'string',
    );
    const anonymized = new Map<string, AnonymizedRow>();
    anonymize(customer);
    const output = toCustomerOutput(customer, tx.organization.publicId);
    anonymized.set(customer.id, { email: output.email, name: output.name, avatarUrl: output.avatarUrl });
    for (const member of members) {
      anonymize(member);
      anonymized.set(member.id, { email: member.email, name: member.name ?? null });
    }
    await tx.em.flush();
    const eraser = polarCustomerEraser(anonymized);
    erasure = { surface: 'polar', eraser, quoted };
    const events = await scrubEvents(tx, [...anonymized.keys()], eraser);
    const portalSessions = await tx.em.nativeDelete(CustomerSession, { customerId: customer.id });
    await emitPolar(tx, 'customer.deleted', customer.id, output);
    const storedAnswers = await scrubAnswersKept(tx, erasure);
    return {
      customerId: customer.id,
      erased: receiptOf({ customers: 1, customerMembers: members.length, events, storedAnswers, portalSessions }),
    };
  });
  if (erasure) await finishErasure(scope, erasure);
  return erased;
}
