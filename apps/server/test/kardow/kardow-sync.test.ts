import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { issuePaths, lookup, subscriptionFields, sync, syncFailing } from '../support/kardow.js';

let server: TestServer;
let tenant: Tenant;
let paywall: { id: string };
let bundle: { id: string };

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  paywall = await tenant.plan({ name: 'Paywall monthly', stripePriceId: 'price_paywall_monthly' });
  bundle = await tenant.plan({
    name: 'Bundle 10',
    stripePriceId: 'price_bundle_10',
    paypalPlanId: 'P-BUNDLE',
    jobsIncluded: 10,
  });
});
afterAll(() => server.close());

const memberKeys = [
  'id',
  'organizationId',
  'email',
  'name',
  'role',
  'approvalStatus',
  'profilePicture',
  'description',
  'customFields',
];
const paymentKeys = [
  'id',
  'organizationId',
  'userId',
  'jobId',
  'planId',
  'amount',
  'currency',
  'status',
  'paymentProvider',
  'stripeSessionId',
  'stripePaymentIntentId',
  'metadata',
];

describe("the seed's five examples", () => {
  it('creates a basic member with the exact response shape', async () => {
    const reply = await sync(server.url, tenant.key, {
      email: 'member@example.com',
      name: 'Taylor Member',
      role: 'employee',
    });
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body.data).sort()).toEqual(['access', 'created', 'member', 'payment']);
    expect(Object.keys(reply.body.data.member).sort()).toEqual([...memberKeys].sort());
    expect(reply.body.data).toMatchObject({
      created: true,
      access: null,
      payment: null,
      member: {
        organizationId: tenant.organizationId,
        email: 'member@example.com',
        name: 'Taylor Member',
        role: 'employee',
        approvalStatus: 'approved',
        profilePicture: null,
        description: null,
        customFields: null,
      },
    });
  });

  it('creates an employer with forced approval and custom fields, naming it after the email', async () => {
    const reply = await sync(server.url, tenant.key, {
      email: 'owner@example.com',
      role: 'business',
      approvalStatus: 'approved',
      customFields: { company_size: '51-200', website: 'https://example.com' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.data.member).toMatchObject({
      name: 'owner',
      role: 'business',
      customFields: { company_size: '51-200', website: 'https://example.com' },
    });
  });

  it('grants paywall access in the same call', async () => {
    const reply = await sync(server.url, tenant.key, {
      email: 'subscriber@example.com',
      role: 'employee',
      access: { stripePriceId: 'price_paywall_monthly', status: 'active' },
    });
    expect(reply.status).toBe(201);
    const { access, member } = reply.body.data;
    expect(Object.keys(access ?? {}).sort()).toEqual([...subscriptionFields].sort());
    expect(access).toMatchObject({ userId: member.id, planId: paywall.id, status: 'active', jobsRemaining: null });
  });

  it('creates a bundle subscription and a payment together', async () => {
    const reply = await sync(server.url, tenant.key, {
      email: 'poster@example.com',
      role: 'business',
      approvalStatus: 'approved',
      access: { stripePriceId: 'price_bundle_10', status: 'active' },
      payment: {
        jobId: '44444444-4444-4444-4444-444444444444',
        amount: 199,
        currency: 'USD',
        status: 'completed',
        paymentProvider: 'invoice',
      },
    });
    expect(reply.status).toBe(201);
    const { access, payment, member } = reply.body.data;
    expect(access).toMatchObject({ planId: bundle.id, jobsRemaining: 10 });
    expect(Object.keys(payment ?? {}).sort()).toEqual([...paymentKeys].sort());
    expect(payment).toMatchObject({
      userId: member.id,
      organizationId: tenant.organizationId,
      jobId: '44444444-4444-4444-4444-444444444444',
      planId: bundle.id,
      amount: 199,
      currency: 'USD',
      status: 'completed',
      paymentProvider: 'invoice',
      stripeSessionId: null,
      stripePaymentIntentId: null,
      metadata: null,
    });
  });

  it('updates an existing member without changing billing', async () => {
    const before = await lookup(server.url, tenant.key, 'member@example.com');
    const reply = await sync(server.url, tenant.key, {
      email: 'member@example.com',
      name: 'Taylor Updated',
      role: 'both',
      customFields: { department: 'Product' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({
      created: false,
      access: null,
      payment: null,
      member: {
        id: before.body.data.member.id,
        name: 'Taylor Updated',
        role: 'both',
        customFields: { department: 'Product' },
      },
    });
  });
});

describe('member rules', () => {
  it('matches the email case-insensitively after trimming and stores it lower-cased', async () => {
    const created = await sync(server.url, tenant.key, { email: '  Casey@Example.COM ' });
    expect(created.status).toBe(201);
    expect(created.body.data.member).toMatchObject({ email: 'casey@example.com', name: 'casey', role: 'employee' });
    const again = await sync(server.url, tenant.key, { email: 'CASEY@example.com' });
    expect(again.status).toBe(200);
    expect(again.body.data.member.id).toBe(created.body.data.member.id);
  });

  it('leaves omitted fields alone and clears nullable fields sent as null', async () => {
    await sync(server.url, tenant.key, {
      email: 'fields@example.com',
      name: 'Fields',
      role: 'employer',
      approvalStatus: 'pending',
      profilePicture: 'https://example.com/me.png',
      description: 'Hello',
    });
    const untouched = await sync(server.url, tenant.key, { email: 'fields@example.com' });
    expect(untouched.body.data.member).toMatchObject({
      name: 'Fields',
      role: 'employer',
      approvalStatus: 'pending',
      profilePicture: 'https://example.com/me.png',
      description: 'Hello',
    });
    const cleared = await sync(server.url, tenant.key, {
      email: 'fields@example.com',
      profilePicture: null,
      description: null,
    });
    expect(cleared.body.data.member).toMatchObject({ name: 'Fields', profilePicture: null, description: null });
  });

  it('merges customFields key by key, removes keys set to null, and clears on null', async () => {
    const email = 'custom@example.com';
    await sync(server.url, tenant.key, { email, customFields: { a: 1, b: { nested: true }, c: 'x' } });
    const merged = await sync(server.url, tenant.key, { email, customFields: { b: null, d: [1, 2] } });
    expect(merged.body.data.member.customFields).toEqual({ a: 1, c: 'x', d: [1, 2] });
    const omitted = await sync(server.url, tenant.key, { email, name: 'Custom' });
    expect(omitted.body.data.member.customFields).toEqual({ a: 1, c: 'x', d: [1, 2] });
    const cleared = await sync(server.url, tenant.key, { email, customFields: null });
    expect(cleared.body.data.member.customFields).toBeNull();
  });

  it('with userId, identifies the member and moves it to the new email', async () => {
    const created = await sync(server.url, tenant.key, { email: 'old-address@example.com' });
    const moved = await sync(server.url, tenant.key, {
      userId: created.body.data.member.id,
      email: 'new-address@example.com',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data.member).toMatchObject({ id: created.body.data.member.id, email: 'new-address@example.com' });
    expect((await lookup(server.url, tenant.key, 'old-address@example.com')).status).toBe(404);
  });

  it("refuses a userId move onto another member's email (409) and an unknown userId (404)", async () => {
    const first = await sync(server.url, tenant.key, { email: 'first@example.com' });
    await sync(server.url, tenant.key, { email: 'second@example.com' });
    const taken = await syncFailing(server.url, tenant.key, {
      userId: first.body.data.member.id,
      email: 'second@example.com',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('conflict');
    const unknown = await syncFailing(server.url, tenant.key, {
      userId: '00000000-0000-4000-8000-000000000000',
      email: 'x@example.com',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found', issues: [] });
  });

  it("never reaches another organization's member: its userId is 404", async () => {
    const other = await createTenant(server.db);
    const theirs = await sync(server.url, other.key, { email: 'theirs@example.com' });
    const reply = await syncFailing(server.url, tenant.key, {
      userId: theirs.body.data.member.id,
      email: 'theirs@example.com',
    });
    expect(reply.status).toBe(404);
    expect((await lookup(server.url, tenant.key, theirs.body.data.member.id)).status).toBe(404);
    // The same email in two organizations is two members.
    const mine = await sync(server.url, tenant.key, { email: 'theirs@example.com' });
    expect(mine.status).toBe(201);
    expect(mine.body.data.member.id).not.toBe(theirs.body.data.member.id);
  });
});

describe('the access block', () => {
  it('finds the plan by planId, paypalPlanId or planName, and by several that agree', async () => {
    for (const access of [
      { planId: bundle.id },
      { paypalPlanId: 'P-BUNDLE' },
      { planName: 'Bundle 10' },
      { planId: bundle.id, stripePriceId: 'price_bundle_10' },
    ]) {
      const reply = await sync(server.url, tenant.key, {
        email: `plan-${Object.keys(access).join('-')}@example.com`,
        access,
      });
      expect(reply.status, JSON.stringify(access)).toBe(201);
      expect(reply.body.data.access).toMatchObject({ planId: bundle.id, status: 'active', jobsRemaining: 10 });
    }
  });

  it('refuses an unknown plan with 422 and writes nothing', async () => {
    const reply = await syncFailing(server.url, tenant.key, {
      email: 'no-plan@example.com',
      access: { stripePriceId: 'price_missing' },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('unknown_plan');
    expect(issuePaths(reply)).toEqual(['access.stripePriceId']);
    expect((await lookup(server.url, tenant.key, 'no-plan@example.com')).status).toBe(404);
  });

  it('refuses identifiers that name two different plans', async () => {
    const reply = await syncFailing(server.url, tenant.key, {
      email: 'two-plans@example.com',
      access: { stripePriceId: 'price_paywall_monthly', planName: 'Bundle 10' },
    });
    expect(reply.status).toBe(422);
    expect(issuePaths(reply)).toEqual(['access.planName', 'access.stripePriceId']);
  });

  it('requires a plan identifier and says so', async () => {
    const reply = await syncFailing(server.url, tenant.key, {
      email: 'no-id@example.com',
      access: { status: 'active' },
    });
    expect(reply.status).toBe(422);
    expect(issuePaths(reply)).toEqual(['access.planId']);
  });

  it('updates the subscription with the same stripeSubscriptionId, else the one to that plan', async () => {
    const email = 'renewing@example.com';
    const first = await sync(server.url, tenant.key, {
      email,
      access: {
        stripePriceId: 'price_paywall_monthly',
        stripeSubscriptionId: 'sub_1',
        currentPeriodEnd: '2030-01-01T00:00:00Z',
        metadata: { seats: 1 },
      },
    });
    const byStripeId = await sync(server.url, tenant.key, {
      email,
      access: { planName: 'Bundle 10', stripeSubscriptionId: 'sub_1', status: 'past_due' },
    });
    expect(byStripeId.body.data.access).toMatchObject({
      id: first.body.data.access?.id,
      planId: bundle.id,
      status: 'past_due',
      currentPeriodEnd: '2030-01-01T00:00:00.000Z',
      metadata: { seats: 1 },
    });
    const byPlan = await sync(server.url, tenant.key, {
      email,
      access: { planId: bundle.id, jobsRemaining: 3, cancelAt: null },
    });
    expect(byPlan.body.data.access).toMatchObject({
      id: first.body.data.access?.id,
      status: 'past_due',
      jobsRemaining: 3,
    });
    const detail = await lookup(server.url, tenant.key, email);
    expect(detail.body.data.subscriptions).toHaveLength(1);
    expect(detail.body.data.hasValidPaywallSubscription).toBe(false);
  });

  it("rolls the whole request back when a later step fails: a new member with another member's Stripe subscription", async () => {
    await sync(server.url, tenant.key, {
      email: 'holder@example.com',
      access: { planName: 'Paywall monthly', stripeSubscriptionId: 'sub_held' },
    });
    const reply = await syncFailing(server.url, tenant.key, {
      email: 'thief@example.com',
      access: { planName: 'Paywall monthly', stripeSubscriptionId: 'sub_held' },
    });
    expect(reply.status).toBe(409);
    expect((await lookup(server.url, tenant.key, 'thief@example.com')).status).toBe(404);
  });
});

describe('the payment block', () => {
  const payment = { jobId: '55555555-5555-5555-5555-555555555555', amount: 49.99, currency: 'eur' };

  it('records it with the currency upper-cased and no plan when no access block is sent', async () => {
    const reply = await sync(server.url, tenant.key, { email: 'payer@example.com', payment });
    expect(reply.body.data.payment).toMatchObject({
      amount: 49.99,
      currency: 'EUR',
      status: 'completed',
      planId: null,
    });
  });

  it('records a payment once per stripePaymentIntentId and per stripeSessionId', async () => {
    const withIntent = { ...payment, stripePaymentIntentId: 'pi_once' };
    const first = await sync(server.url, tenant.key, { email: 'webhook@example.com', payment: withIntent });
    const retry = await sync(server.url, tenant.key, {
      email: 'webhook@example.com',
      payment: { ...withIntent, amount: 1 },
    });
    expect(retry.body.data.payment).toEqual(first.body.data.payment);

    const withSession = { ...payment, stripeSessionId: 'cs_once' };
    const a = await sync(server.url, tenant.key, { email: 'webhook@example.com', payment: withSession });
    const b = await sync(server.url, tenant.key, { email: 'webhook@example.com', payment: withSession });
    expect(b.body.data.payment?.id).toBe(a.body.data.payment?.id);

    const detail = await lookup(server.url, tenant.key, 'webhook@example.com');
    expect(detail.body.data.payments).toHaveLength(2);
  });

  it('refuses a payment without currency (422, with its path) and leaves no member nor subscription behind', async () => {
    const reply = await syncFailing(server.url, tenant.key, {
      email: 'half-written@example.com',
      access: { stripePriceId: 'price_paywall_monthly' },
      payment: { jobId: payment.jobId, amount: 10 },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(issuePaths(reply)).toEqual(['payment.currency']);
    expect((await lookup(server.url, tenant.key, 'half-written@example.com')).status).toBe(404);
  });
});

/** How each bad field is reported is tested in packages/rest/test/request-input.test.ts; here, what needs HTTP. */
describe('errors', () => {
  it('answers 400 to a body that is not JSON and 413 to one over the limit', async () => {
    const notJson = await fetch(`${server.url}/members/sync`, {
      method: 'POST',
      headers: { 'x-api-key': tenant.key, 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_json', issues: [] } });

    const huge = await fetch(`${server.url}/members/sync`, {
      method: 'POST',
      headers: { 'x-api-key': tenant.key, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'big@example.com', description: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('reads a JSON body sent without a JSON content type, as curl -d sends it', async () => {
    const reply = await fetch(`${server.url}/members/sync`, {
      method: 'POST',
      headers: { 'x-api-key': tenant.key, 'content-type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify({ email: 'curl@example.com' }),
    });
    expect(reply.status).toBe(201);
  });
});
