import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMembersClient } from '@members/client';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { rejection } from '../support/trpc.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  await tenant.plan({ name: 'Pro', stripePriceId: 'price_pro', jobsIncluded: 5 });
});
afterAll(() => server.close());

describe('the typed tRPC client', () => {
  it('syncs, then reads back, through the same procedures the REST routes call', async () => {
    const client = createMembersClient({ url: server.url, apiKey: tenant.key });
    const created = await client.members.sync.mutate({
      email: 'App.User@Example.com',
      access: { stripePriceId: 'price_pro', currentPeriodEnd: '2099-01-01T00:00:00+02:00' },
      payment: {
        jobId: '77777777-7777-7777-7777-777777777777',
        amount: 12.5,
        currency: 'gbp',
        stripeSessionId: 'cs_app',
      },
    });
    expect(created.created).toBe(true);
    expect(created.member.email).toBe('app.user@example.com');
    expect(created.access).toMatchObject({ jobsRemaining: 5, currentPeriodEnd: '2098-12-31T22:00:00.000Z' });
    expect(created.payment).toMatchObject({ amount: 12.5, currency: 'GBP' });

    const updated = await client.members.sync.mutate({ email: 'app.user@example.com', role: 'jobseeker' });
    expect(updated).toMatchObject({ created: false, member: { id: created.member.id, role: 'jobseeker' } });

    const detail = await client.members.lookup.query({ lookup: created.member.id });
    expect(detail).toMatchObject({ hasValidPaywallSubscription: true, payments: [{ id: created.payment?.id }] });
  });

  it('reports validation problems as 422, as REST does, with every issue and its path', async () => {
    const client = createMembersClient({ url: server.url, apiKey: tenant.key, batch: false });
    const error = await rejection(
      client.members.sync.mutate({ email: 'nope', payment: { jobId: 'x', amount: 1, currency: 'US' } }),
    );
    expect(error.data?.code).toBe('UNPROCESSABLE_CONTENT');
    expect(error.data?.httpStatus).toBe(422);
    expect(error.data?.appCode).toBe('validation_failed');
    expect(error.data?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'email',
      'payment.currency',
      'payment.jobId',
    ]);
  });

  it('answers 401 to a wrong key, 403 to a missing scope, 404 to an unknown member, with app codes', async () => {
    const wrong = createMembersClient({ url: server.url, apiKey: 'mk_wrong' });
    const unauthorized = await rejection(wrong.members.lookup.query({ lookup: 'a@example.com' }));
    expect(unauthorized.data).toMatchObject({ httpStatus: 401, appCode: 'unauthorized' });

    const reader = createMembersClient({ url: server.url, apiKey: await tenant.keyWith(['members:read']) });
    const forbidden = await rejection(reader.members.sync.mutate({ email: 'a@example.com' }));
    expect(forbidden.data).toMatchObject({ httpStatus: 403, appCode: 'forbidden' });

    const missing = await rejection(reader.members.lookup.query({ lookup: 'nobody@example.com' }));
    expect(missing.data).toMatchObject({ httpStatus: 404, code: 'NOT_FOUND', appCode: 'not_found' });
  });

  it('manages keys and plans with admin, and tells any key what it may do', async () => {
    const admin = createMembersClient({ url: server.url, apiKey: tenant.key });
    const issued = await admin.apiKeys.create.mutate({ name: 'trpc-made', scopes: ['customers:read'] });
    const limited = createMembersClient({ url: server.url, apiKey: issued.key });
    expect(await limited.apiKeys.current.query({})).toMatchObject({
      organization: { id: tenant.organizationId },
      apiKey: { id: issued.id, name: 'trpc-made', scopes: ['customers:read'] },
    });
    // Keys and plans are the admin's: a key without it is 403 there, whatever else it may do.
    expect((await rejection(limited.apiKeys.list.query({}))).data).toMatchObject({ httpStatus: 403 });
    expect((await rejection(limited.plans.create.mutate({ name: 'Nope' }))).data).toMatchObject({ httpStatus: 403 });

    const plan = await admin.plans.create.mutate({ name: 'tRPC plan', stripePriceId: 'price_trpc', jobsIncluded: 2 });
    expect(await admin.plans.list.query({})).toContainEqual(plan);
    const listed = await admin.apiKeys.list.query({});
    expect(listed.find((key) => key.id === issued.id)).toMatchObject({ name: 'trpc-made', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(issued.key);

    await admin.apiKeys.revoke.mutate({ id: issued.id });
    expect((await rejection(limited.apiKeys.current.query({}))).data).toMatchObject({ httpStatus: 401 });
    // Another organization's key is not this one's to revoke.
    const other = await createTenant(server.db);
    const theirs = await createMembersClient({ url: server.url, apiKey: other.key }).apiKeys.current.query({});
    expect((await rejection(admin.apiKeys.revoke.mutate({ id: theirs.apiKey.id }))).data).toMatchObject({
      httpStatus: 404,
    });
  });

  it('streams the customers export, the same CSV REST sends', async () => {
    const client = createMembersClient({ url: server.url, apiKey: tenant.key });
    await client.customers.create.mutate({ email: 'streamed@example.com', name: 'Streamed' });
    let csv = '';
    for await (const chunk of await client.customers.export.query({})) csv += chunk;
    expect(csv.split('\r\n')[0]).toMatch(/^ID,External ID,Created At,Email,Name,/);
    expect(csv).toContain(',streamed@example.com,Streamed,');
    const rest = await fetch(`${server.url}/v1/customers/export`, {
      headers: { authorization: `Bearer ${tenant.key}` },
    });
    expect(rest.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await rest.text()).toBe(csv);
  });

  it('takes the key as Authorization: Bearer on /trpc too', async () => {
    const response = await fetch(
      `${server.url}/trpc/members.lookup?input=${encodeURIComponent(JSON.stringify({ lookup: 'x@example.com' }))}`,
      {
        headers: { authorization: `Bearer ${tenant.key}` },
      },
    );
    expect(response.status).toBe(404);
  });
});
