import { beforeAll, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '@members/api';
import { createMembersClient, TRPCClientError } from '@members/client';
import { request } from '../support/http.js';
import { startReceiver } from '../support/receiver.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { closeAfterAll } from '../support/teardown.js';
import { match } from '../support/matchers.js';

let server: TestServer;
let tenant: Tenant;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let worker: DeliveryWorker;

const onClose = closeAfterAll();
beforeAll(async () => {
  server = await startServer();
  onClose(server, (s) => s.close());
  tenant = await createTenant(server.db);
  receiver = await startReceiver();
  onClose(receiver, (r) => r.close());
  worker = new DeliveryWorker(server.db, { pollMs: 20 });
  onClose(worker, (w) => w.stop());
  worker.start();
});

describe('the overview over tRPC', () => {
  it('counts what was written, and tells webhook health from real deliveries', async () => {
    const client = createMembersClient({ url: server.url, apiKey: tenant.key });
    await tenant.plan({ name: 'Starter', stripePriceId: 'price_starter' });
    await request(`${server.url}/webhooks`, {
      key: tenant.key,
      body: { event: 'user.created', target_type: 'webhook', target_url: `${receiver.url}/slow/overview` },
    });
    for (const [email, role] of [
      ['o1@example.com', 'employer'],
      ['o2@example.com', 'employer'],
      ['o3@example.com', 'jobseeker'],
    ] as const) {
      await client.members.sync.mutate({ email, role, access: { stripePriceId: 'price_starter', status: 'active' } });
    }
    await receiver.waitFor('/slow/overview', 3);

    const members = await client.overview.members.query({ days: 30 });
    expect(members.total).toBe(3);
    expect(members.perDay.at(-1)?.count).toBe(3);
    expect(members.byRole.filter(({ count }) => count > 0)).toEqual([
      { role: 'jobseeker', count: 1 },
      { role: 'employer', count: 2 },
    ]);
    const subscriptions = await client.overview.subscriptions.query({});
    expect(subscriptions.byPlan).toEqual([{ planId: match.any(String), planName: 'Starter', count: 3 }]);

    // The receiver has answered all three; the worker records each attempt just after.
    await expect.poll(async () => (await client.overview.webhooks.query({})).succeeded, { timeout: 10_000 }).toBe(3);
    const health = await client.overview.webhooks.query({});
    expect(health).toMatchObject({ retrying: 0, queued: 0, failed: 0 });
    expect(health.slowestEndpoints).toEqual([
      match.objectContaining({ url: `${receiver.url}/slow/overview`, surface: 'kardow', attempts: 3 }),
    ]);
    expect(health.slowestEndpoints[0]?.averageMs).toBeGreaterThanOrEqual(200);
  });

  it('asks members:read of the member figures and admin of webhook health', async () => {
    const reader = createMembersClient({ url: server.url, apiKey: await tenant.keyWith(['members:read']) });
    await expect(reader.overview.members.query({ days: 90 })).resolves.toMatchObject({ perDay: match.any(Array) });
    const refused = await reader.overview.webhooks.query({}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<never>).data).toMatchObject({ httpStatus: 403, appCode: 'forbidden' });
    const outsider = createMembersClient({ url: server.url, apiKey: await tenant.keyWith(['customers:read']) });
    await expect(outsider.overview.members.query({ days: 30 })).rejects.toThrow(/members:read/);
  });

  it('refuses a window other than 30 or 90 days with 422', async () => {
    const reply = await fetch(`${server.url}/trpc/overview.members?input=${encodeURIComponent('{"days":7}')}`, {
      headers: { 'x-api-key': tenant.key },
    });
    expect(reply.status).toBe(422);
  });
});
