import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access, KardowErrorBody, MemberAccessResult } from '@members/contracts';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { request, type Reply } from '../support/http.js';
import { lookup, subscriptionFields, sync } from '../support/kardow.js';
import { match } from '../support/matchers.js';

let server: TestServer;
let tenant: Tenant;
let monthly: { id: string };
let yearly: { id: string };

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  monthly = await tenant.plan({ name: 'Monthly', stripePriceId: 'price_m' });
  yearly = await tenant.plan({ name: 'Yearly', stripePriceId: 'price_y' });
});
afterAll(() => server.close());

function access(body: unknown): Promise<Reply<{ data: MemberAccessResult } & KardowErrorBody>> {
  return request(`${server.url}/members/access`, { key: tenant.key, body });
}
const accessOf = (reply: Reply<{ data: MemberAccessResult }>): Access => {
  const data = reply.body.data;
  if (reply.status !== 200 || 'deleted' in data)
    throw new Error(`expected a subscription: ${JSON.stringify(reply.body)}`);
  // Kardow's answer to a subscription action: the subscription itself under `data`, every field present.
  expect(Object.keys(data).sort()).toEqual([...subscriptionFields].sort());
  return data;
};

describe('POST /members/access', () => {
  it('walks a subscription through its lifecycle', async () => {
    const email = 'cycle@example.com';
    await sync(server.url, tenant.key, {
      email,
      access: { stripePriceId: 'price_m', stripeSubscriptionId: 'sub_cycle', currentPeriodEnd: '2099-01-01T00:00:00Z' },
    });

    const atPeriodEnd = accessOf(await access({ email, action: 'cancel_at_period_end' }));
    expect(atPeriodEnd.id).toEqual(match.any(String));
    expect(atPeriodEnd).toMatchObject({ status: 'active', cancelAt: '2099-01-01T00:00:00.000Z' });
    expect(atPeriodEnd.canceledAt).not.toBeNull();
    expect((await lookup(server.url, tenant.key, email)).body.data.hasValidPaywallSubscription).toBe(true);

    expect(accessOf(await access({ email, action: 'reactivate' }))).toMatchObject({
      status: 'active',
      cancelAt: null,
      canceledAt: null,
    });
    expect(accessOf(await access({ email, action: 'mark_past_due', stripeSubscriptionId: 'sub_cycle' })).status).toBe(
      'past_due',
    );
    expect((await lookup(server.url, tenant.key, email)).body.data.hasValidPaywallSubscription).toBe(false);

    const canceled = accessOf(await access({ email, action: 'cancel_now', effectiveAt: '2026-05-01T12:00:00Z' }));
    expect(canceled).toMatchObject({
      status: 'canceled',
      canceledAt: '2026-05-01T12:00:00.000Z',
      currentPeriodEnd: '2026-05-01T12:00:00.000Z',
    });
    expect(accessOf(await access({ email, action: 'activate' })).status).toBe('active');
    const expired = accessOf(await access({ email, action: 'expire_now' }));
    expect(expired.status).toBe('expired');
    expect(Date.parse(expired.currentPeriodEnd ?? '')).toBeLessThanOrEqual(Date.now());
  });

  it('answers every subscription action with the subscription itself under data', async () => {
    const email = 'shape@example.com';
    await sync(server.url, tenant.key, {
      email,
      access: { stripePriceId: 'price_m', currentPeriodEnd: '2099-01-01T00:00:00Z' },
    });
    const actions = ['activate', 'cancel_at_period_end', 'reactivate', 'mark_past_due', 'cancel_now', 'expire_now'];
    for (const action of actions) {
      const reply = await access({ email, action });
      expect(reply.status, action).toBe(200);
      // What a Kardow client reads: data.status, data.planId.
      expect(accessOf(reply), action).toMatchObject({ planId: monthly.id, status: match.any(String) });
    }
  });

  it('activate takes the plan identifiers sync takes, and an unknown one is 422', async () => {
    const created = await sync(server.url, tenant.key, { email: 'by-price@example.com' });
    const byPrice = accessOf(
      await access({ email: 'by-price@example.com', action: 'activate', stripePriceId: 'price_y' }),
    );
    expect(byPrice).toMatchObject({ planId: yearly.id, status: 'active', userId: created.body.data.member.id });
    const byName = accessOf(await access({ email: 'by-price@example.com', action: 'activate', planName: 'Monthly' }));
    expect(byName.planId).toBe(monthly.id);
    // The plan names which subscription a later action is about.
    const paused = accessOf(
      await access({ email: 'by-price@example.com', action: 'mark_past_due', planName: 'Yearly' }),
    );
    expect(paused).toMatchObject({ id: byPrice.id, status: 'past_due' });

    const unknown = await access({ email: 'by-price@example.com', action: 'activate', paypalPlanId: 'P-NONE' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_plan', issues: [{ path: ['paypalPlanId'] }] });
    const disagreeing = await access({
      email: 'by-price@example.com',
      action: 'activate',
      stripePriceId: 'price_m',
      planName: 'Yearly',
    });
    expect(disagreeing.status).toBe(422);
    expect((await lookup(server.url, tenant.key, 'by-price@example.com')).body.data.subscriptions).toHaveLength(2);
  });

  it('a future effectiveAt schedules cancel_now and expire_now: valid until then, status unchanged', async () => {
    const email = 'scheduled@example.com';
    await sync(server.url, tenant.key, { email, access: { stripePriceId: 'price_m', stripeSubscriptionId: 'sub_s' } });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = accessOf(await access({ email, action: 'cancel_now', effectiveAt: at }));
    expect(scheduled).toMatchObject({ status: 'active', cancelAt: at, currentPeriodEnd: at });
    expect(scheduled.canceledAt).not.toBeNull();
    expect((await lookup(server.url, tenant.key, email)).body.data.hasValidPaywallSubscription).toBe(true);

    const expiring = accessOf(await access({ email, action: 'expire_now', effectiveAt: at }));
    expect(expiring).toMatchObject({ status: 'active', cancelAt: at, currentPeriodEnd: at });
    // A past effectiveAt acts at once.
    const past = new Date(Date.now() - 60_000).toISOString();
    const canceled = accessOf(await access({ email, action: 'cancel_now', effectiveAt: past }));
    expect(canceled).toMatchObject({ status: 'canceled', canceledAt: past, cancelAt: null });
    expect((await lookup(server.url, tenant.key, email)).body.data.hasValidPaywallSubscription).toBe(false);
  });

  it('cancel_at_period_end without a period end is 422 and changes nothing', async () => {
    const email = 'no-period@example.com';
    await sync(server.url, tenant.key, { email, access: { stripePriceId: 'price_m' } });
    const refused = await access({ email, action: 'cancel_at_period_end' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: ['action'] }] });
    const [subscription] = (await lookup(server.url, tenant.key, email)).body.data.subscriptions;
    expect(subscription).toMatchObject({ status: 'active', cancelAt: null, canceledAt: null });
  });

  it('activate with a planId the member lacks starts that subscription', async () => {
    const created = await sync(server.url, tenant.key, { email: 'starter@example.com' });
    const started = accessOf(
      await access({ userId: created.body.data.member.id, action: 'activate', planId: yearly.id }),
    );
    expect(started).toMatchObject({ planId: yearly.id, status: 'active', userId: created.body.data.member.id });
    const detail = await lookup(server.url, tenant.key, 'starter@example.com');
    expect(detail.body.data.subscriptions).toHaveLength(1);
  });

  it('delete_member removes the member with its subscriptions and payments, and says what it removed', async () => {
    const email = 'leaving@example.com';
    await sync(server.url, tenant.key, {
      email,
      access: { planId: monthly.id },
      payment: { jobId: '99999999-9999-9999-9999-999999999999', amount: 1, currency: 'USD' },
    });
    const reply = await access({ email, action: 'delete_member' });
    expect(reply.status).toBe(200);
    const memberId = (reply.body.data as { deleted: { memberId: string } }).deleted.memberId;
    expect(reply.body.data).toEqual({
      deleted: {
        memberId,
        // An erasure's answer does not quote the person.
        email: `erased-${memberId}@erased.invalid`,
        subscriptions: 1,
        payments: 1,
        erased: match.objectContaining({ members: 1, subscriptions: 1, payments: 1 }),
      },
    });
    expect((await lookup(server.url, tenant.key, email)).status).toBe(404);
  });

  it('answers 404 for an unknown member or subscription and 422 for a bad body', async () => {
    expect((await access({ email: 'ghost@example.com', action: 'activate' })).status).toBe(404);
    await sync(server.url, tenant.key, { email: 'plain@example.com' });
    expect((await access({ email: 'plain@example.com', action: 'cancel_now' })).status).toBe(404);
    const invalid = await access({ action: 'explode', effectiveAt: 'tomorrow' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'action',
      'effectiveAt',
      'email',
    ]);
    const mismatch = await access({
      email: 'someone-else@example.com',
      userId: (await sync(server.url, tenant.key, { email: 'plain@example.com' })).body.data.member.id,
      action: 'activate',
    });
    expect(mismatch.status).toBe(422);
  });

  it("never touches another organization's member", async () => {
    const stranger = await createTenant(server.db);
    await sync(server.url, stranger.key, { email: 'theirs@example.com' });
    expect((await access({ email: 'theirs@example.com', action: 'delete_member' })).status).toBe(404);
    expect((await lookup(server.url, stranger.key, 'theirs@example.com')).status).toBe(200);
  });
});
