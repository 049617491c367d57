import { z } from 'zod';
import { customerByIdInput } from './polar/customer.js';

const count = z.int().min(0);

/**
 * What an erasure reached, counted per kind of record and never quoting the data: the rows deleted (a Kardow member,
 * its subscriptions and payments) or anonymized (a Polar customer and its members), the event payloads and the
 * answers kept for `Idempotency-Key`s that were scrubbed, and the portal sessions ended.
 */
export const erasureReceipt = z
  .object({
    members: count,
    subscriptions: count,
    payments: count,
    customers: count,
    customerMembers: count,
    events: count,
    storedAnswers: count,
    portalSessions: count,
  })
  .meta({ id: 'ErasureReceipt' });
export type ErasureReceipt = z.infer<typeof erasureReceipt>;

export const memberErasure = z.object({ memberId: z.string(), erased: erasureReceipt }).meta({ id: 'MemberErasure' });
export type MemberErasure = z.infer<typeof memberErasure>;

/** `customers.erase`: Polar's delete with `anonymize=true`, answered with what it reached. */
export const customerEraseInput = customerByIdInput;
export const customerErasure = z
  .object({ customerId: z.string(), erased: erasureReceipt })
  .meta({ id: 'CustomerErasure' });
export type CustomerErasure = z.infer<typeof customerErasure>;

const receiptNouns: Record<keyof ErasureReceipt, readonly [one: string, many: string]> = {
  members: ['member', 'members'],
  subscriptions: ['subscription', 'subscriptions'],
  payments: ['payment', 'payments'],
  customers: ['customer', 'customers'],
  customerMembers: ['team member', 'team members'],
  events: ['event payload scrubbed', 'event payloads scrubbed'],
  storedAnswers: ['kept answer scrubbed', 'kept answers scrubbed'],
  portalSessions: ['portal session ended', 'portal sessions ended'],
};

/** A receipt in words, as the console and the command line show it: "1 member, 2 payments, …". */
export const receiptInWords = (receipt: ErasureReceipt): string =>
  Object.entries(receiptNouns)
    .map(([kind, [one, many]]) => [receipt[kind as keyof ErasureReceipt], one, many] as const)
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`)
    .join(', ') || 'nothing';
