import { randomUUID } from 'node:crypto';
import type { PaymentInput } from '@members/contracts';
import { Payment, type EntityManager, type Member, type Plan } from '@members/db';

/** Every query of the `payment` table. */

/** A member's payments, oldest first. */
export const paymentsOf = (em: EntityManager, member: Member) =>
  em.find(Payment, { member }, { orderBy: { createdAt: 'asc' } });

export const paymentCountOf = (em: EntityManager, member: Member) => em.count(Payment, { member });

/**
 * Records the payment unless the organization already has one with the same Stripe payment intent or session,
 * in which case the stored one is returned. Insert-if-absent on those unique keys makes two concurrent
 * deliveries of one webhook record it once.
 */
export async function recordPayment(
  tx: EntityManager,
  member: Member,
  plan: Plan | null,
  input: PaymentInput,
): Promise<{ payment: Payment; recorded: boolean }> {
  const organization = member.organization.id;
  const inserted: Record<string, unknown>[] = await tx
    .createQueryBuilder(Payment)
    .insert({
      id: randomUUID(),
      organization,
      member: member.id,
      jobId: input.jobId,
      plan: plan?.id ?? null,
      amount: input.amount,
      currency: input.currency,
      status: input.status,
      paymentProvider: input.paymentProvider ?? null,
      stripeSessionId: input.stripeSessionId ?? null,
      stripePaymentIntentId: input.stripePaymentIntentId ?? null,
      metadata: input.metadata ?? null,
      createdAt: new Date(),
    })
    .onConflict()
    .ignore()
    .returning('*')
    .execute('all', false);
  const row = inserted[0];
  if (row) return { payment: tx.map(Payment, row), recorded: true };
  const stripeIds = [
    input.stripePaymentIntentId ? { stripePaymentIntentId: input.stripePaymentIntentId } : null,
    input.stripeSessionId ? { stripeSessionId: input.stripeSessionId } : null,
  ].filter((condition) => condition !== null);
  return { payment: await tx.findOneOrFail(Payment, { organization, $or: stripeIds }), recorded: false };
}
