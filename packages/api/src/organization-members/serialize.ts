import type { Access, Payment as PaymentOutput } from '@members/contracts';
import type { Payment, Subscription } from '@members/db';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function toAccessOutput(subscription: Subscription): Access {
  return {
    id: subscription.id,
    organizationId: subscription.organization.id,
    userId: subscription.member.id,
    planId: subscription.plan.id,
    status: subscription.status,
    stripeSubscriptionId: subscription.stripeSubscriptionId ?? null,
    currentPeriodStart: iso(subscription.currentPeriodStart),
    currentPeriodEnd: iso(subscription.currentPeriodEnd),
    cancelAt: iso(subscription.cancelAt),
    canceledAt: iso(subscription.canceledAt),
    jobsRemaining: subscription.jobsRemaining ?? null,
    metadata: subscription.metadata ?? null,
  };
}

export function toPaymentOutput(payment: Payment): PaymentOutput {
  return {
    id: payment.id,
    organizationId: payment.organization.id,
    userId: payment.member.id,
    jobId: payment.jobId,
    planId: payment.plan?.id ?? null,
    amount: Number(payment.amount),
    currency: payment.currency,
    status: payment.status,
    paymentProvider: payment.paymentProvider ?? null,
    stripeSessionId: payment.stripeSessionId ?? null,
    stripePaymentIntentId: payment.stripePaymentIntentId ?? null,
    metadata: payment.metadata ?? null,
  };
}
