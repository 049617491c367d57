import { beforeAll, describe, expect, it } from 'vitest';
import { DeliveryWorker, TargetPolicy, type ResolveHost } from '@members/api';
import { openDatabase, WebhookAttempt, WebhookDelivery, WebhookEndpoint, type Database } from '@members/db';
import { request } from '../support/http.js';
import { startReceiver } from '../support/receiver.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTenant, databaseOfItsOwn, startServer, type Tenant } from '../support/server.js';
import { closeAfterAll } from '../support/teardown.js';

/** Its own database: another file's server, delivering any organization's events, would take this file's. */
const database = databaseOfItsOwn('isolation');
const databaseUrl = database.url;
let db: Database;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const onClose = closeAfterAll();
beforeAll(async () => {
  db = await openDatabase(databaseUrl, { migrate: true });
  onClose(db, (d) => d.close());
  receiver = await startReceiver();
  onClose(receiver, (r) => r.close());
}, 60_000);
onClose(database, (d) => d.drop());

const subscribe = async (base: string, tenant: Tenant, event: string, path: string, to = receiver) => {
  const reply = await request(`${base}/webhooks`, {
    key: tenant.key,
    body: { event, target_type: 'webhook', target_url: `${to.url}${path}` },
  });
  expect(reply.status).toBe(201);
  return reply.body as { data: { id: string } };
};
const sync = (base: string, tenant: Tenant, body: object) =>
  request(`${base}/members/sync`, { key: tenant.key, body }).then((reply) => expect(reply.status).toBeLessThan(300));

describe('each endpoint is delivered on its own', () => {
  let server: ServerProcess;
  let stalling: Awaited<ReturnType<typeof startReceiver>>;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    stalling = await startReceiver();
    onClose(stalling, (s) => s.close());
    // A receiver that never answers holds its deliveries for the whole test: the timeout is far beyond it.
    server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_SECOND: '0',
      WEBHOOK_TIMEOUT_MS: '120000',
      LOG_LEVEL: 'silent',
    });
    onClose(server, (s) => s.stop());
  }, 60_000);

  it('a receiver that never answers holds back no endpoint of its own organization or of another', async () => {
    const stalled = await createTenant(db);
    const neighbour = await createTenant(db);
    await subscribe(server.url, stalled, 'user.created', '/hang/stalled', stalling);
    await subscribe(server.url, stalled, 'user.created', '/ok/same-organization');
    // Another endpoint on the dead receiver's own host and port: connections to one origin are not a shared limit.
    await subscribe(server.url, neighbour, 'user.created', '/ok/same-origin', stalling);
    await subscribe(server.url, neighbour, 'user.created', '/ok/other-organization');
    const count = 100;
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        await sync(server.url, stalled, { email: `stalled-${i}@example.com` });
        await sync(server.url, neighbour, { email: `neighbour-${i}@example.com` });
      }),
    );
    expect(await receiver.waitFor('/ok/same-organization', count)).toHaveLength(count);
    expect(await receiver.waitFor('/ok/other-organization', count)).toHaveLength(count);
    expect(await stalling.waitFor('/ok/same-origin', count)).toHaveLength(count);
    // The dead receiver holds a few deliveries at a time, not all of them.
    const held = stalling.received.filter((request) => request.path.startsWith('/hang/')).length;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(count);
  }, 60_000);

  it('keeps each member’s events in order while several deliveries to one endpoint are in flight', async () => {
    const tenant = await createTenant(db);
    // A receiver of its own, so that what it saw at once is this test's alone.
    const ordered = await startReceiver();
    await subscribe(server.url, tenant, '*', '/jitter/order', ordered);
    const members = 20;
    const versions = 5;
    // Members change at once; each member's versions go one after another, as one caller would send them.
    await Promise.all(
      Array.from({ length: members }, async (_, m) => {
        for (let v = 1; v <= versions; v++) {
          await sync(server.url, tenant, { email: `order-${m}@example.com`, name: `v${v}` });
        }
      }),
    );
    const deliveries = await ordered.waitFor('/jitter/order', members * versions);
    await ordered.close();
    const seen = new Map<string, string[]>();
    for (const delivery of deliveries) {
      const { member } = (JSON.parse(delivery.body) as { data: { member: { email: string; name: string } } }).data;
      seen.set(member.email, [...(seen.get(member.email) ?? []), member.name]);
    }
    expect(seen.size).toBe(members);
    for (const names of seen.values()) expect(names).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    // Several were in flight at once, or this would show nothing about order under concurrency.
    expect(ordered.mostAtOnce).toBeGreaterThan(1);
  }, 60_000);

  it('stops on SIGTERM while the receiver still holds deliveries: exits 0, and abandons them to be sent again', async () => {
    const held = stalling.received.filter((request) => request.path.startsWith('/hang/')).length;
    expect(held).toBeGreaterThan(0);
    // Its receivers have two minutes to answer; the stop gives them a few seconds, then lets the deliveries go.
    expect(await server.stop()).toBe(0);
    const stalled = await db.fork().find(WebhookDelivery, { endpoint: { url: { $like: '%/hang/stalled' } } });
    expect(stalled.length).toBeGreaterThan(0);
    // Not an attempt (the receiver never answered), and free for any worker at once rather than at the lease's end.
    expect(stalled.every((delivery) => delivery.status === 'pending' && delivery.leasedUntil === null)).toBe(true);
    expect(stalled.every((delivery) => delivery.attempts === 0)).toBe(true);
  }, 60_000);
});

/*
 * The tests below call the API of a server in this process, which delivers nothing (no worker), and deliver with a
 * worker of their own, given the target policy and timings each needs.
 */
describe('the private-address refusal holds for the address connected to', () => {
  /** A name that answers a public address the first time it is resolved and loopback every time after. */
  const rebinding = (): ResolveHost => {
    let asked = 0;
    return () => Promise.resolve(asked++ === 0 ? ['93.184.215.14'] : ['127.0.0.1']);
  };

  it('refuses a target whose name resolved to a public address when saved and to 127.0.0.1 when connected', async () => {
    const tenant = await createTenant(db);
    const targets = new TargetPolicy({ allowPrivate: false, resolve: rebinding() });
    const url = `http://rebinding.example:${receiver.port}/ok/rebinding`;
    // Saved: the name resolves to a public address.
    await expect(targets.assertDeliverable(url, 'target_url')).resolves.toBeUndefined();
    const api = await startServer({ databaseUrl });
    const worker = new DeliveryWorker(db, { targets, pollMs: 20 });
    try {
      // The endpoint row as the API would have saved it (the API cannot resolve the test's name).
      const saved = await subscribe(api.url, tenant, 'user.created', '/ok/placeholder');
      await db.fork().getConnection().execute('update webhook_endpoint set url = ? where id = ?', [url, saved.data.id]);
      await sync(api.url, tenant, { email: 'rebound@example.com' });
      worker.start();
      const attempt = await waitForAttempt(saved.data.id);
      expect(attempt.succeeded).toBe(false);
      expect(attempt.response).toMatch(/private, loopback/);
    } finally {
      await worker.stop();
      await api.close();
    }
    expect(receiver.received.filter((r) => r.path.startsWith('/ok/rebinding'))).toEqual([]);
  });

  it('connects to the address its resolver answered, where private addresses are allowed', async () => {
    // The same path with loopback allowed: the test's resolver, not the system's, says where the socket goes.
    const tenant = await createTenant(db);
    const targets = new TargetPolicy({ allowPrivate: true, resolve: () => Promise.resolve(['127.0.0.1']) });
    const api = await startServer({ databaseUrl });
    const worker = new DeliveryWorker(db, { targets, pollMs: 20 });
    try {
      const saved = await subscribe(api.url, tenant, 'user.created', '/ok/placeholder');
      const url = `http://only-the-test-resolver-knows.example:${receiver.port}/ok/resolved`;
      await db.fork().getConnection().execute('update webhook_endpoint set url = ? where id = ?', [url, saved.data.id]);
      await sync(api.url, tenant, { email: 'resolved@example.com' });
      worker.start();
      const [delivered] = await receiver.waitFor('/ok/resolved', 1);
      expect(delivered?.body).toContain('resolved@example.com');
    } finally {
      await worker.stop();
      await api.close();
    }
  });
});

describe('failures: retried, given up on, and an endpoint disabled after enough of them in a row', () => {
  it('records every failed attempt, fails each delivery at the give-up time, and disables the endpoint', async () => {
    const tenant = await createTenant(db);
    const api = await startServer({ databaseUrl });
    // Retries every 20-60 ms, given up on after 200 ms; the third delivery given up on disables the endpoint.
    const worker = new DeliveryWorker(db, {
      targets: new TargetPolicy({ allowPrivate: true }),
      pollMs: 20,
      retryBaseMs: 20,
      giveUpAfterMs: 200,
      disableAfterFailures: 3,
    });
    try {
      const saved = await subscribe(api.url, tenant, 'user.created', '/fail/always');
      for (let i = 0; i < 3; i++) await sync(api.url, tenant, { email: `failing-${i}@example.com` });
      worker.start();
      const endpoint = await eventuallyRow(
        () =>
          db
            .fork()
            .findOne(WebhookEndpoint, { id: saved.data.id, enabled: false }, { refresh: true })
            .then((row) => row ?? undefined),
        'the endpoint to be disabled',
      );
      expect(endpoint.consecutiveFailures).toBe(3);
      const deliveries = await db.fork().find(WebhookDelivery, { endpoint: saved.data.id });
      expect(deliveries.map((delivery) => delivery.status)).toEqual(['failed', 'failed', 'failed']);
      const attempts = await db.fork().find(WebhookAttempt, { endpoint: saved.data.id });
      // Each delivery was tried more than once before it was given up on, and every try is on record.
      expect(attempts.length).toBeGreaterThan(3);
      expect(attempts.length).toBe(deliveries.reduce((sum, delivery) => sum + delivery.attempts, 0));
      expect(attempts.every((attempt) => !attempt.succeeded && attempt.httpCode === 500)).toBe(true);
    } finally {
      await worker.stop();
      await api.close();
    }
  });

  it('clears an endpoint’s run of failures with a success', async () => {
    const tenant = await createTenant(db);
    const api = await startServer({ databaseUrl });
    const worker = new DeliveryWorker(db, { targets: new TargetPolicy({ allowPrivate: true }), pollMs: 20 });
    try {
      const saved = await subscribe(api.url, tenant, 'user.created', '/ok/recovered');
      await db
        .fork()
        .getConnection()
        .execute('update webhook_endpoint set consecutive_failures = 2 where id = ?', [saved.data.id]);
      await sync(api.url, tenant, { email: 'recovered@example.com' });
      worker.start();
      const endpoint = await eventuallyRow(
        () =>
          db
            .fork()
            .findOne(WebhookEndpoint, { id: saved.data.id, consecutiveFailures: 0 }, { refresh: true })
            .then((row) => row ?? undefined),
        'the run of failures to be cleared',
      );
      expect(endpoint.enabled).toBe(true);
    } finally {
      await worker.stop();
      await api.close();
    }
  });
});

async function eventuallyRow<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (const until = Date.now() + 15_000; Date.now() < until; ) {
    const row = await read();
    if (row !== undefined) return row;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const waitForAttempt = (endpointId: string) =>
  eventuallyRow(
    () =>
      db
        .fork()
        .findOne(WebhookAttempt, { endpoint: endpointId })
        .then((row) => row ?? undefined),
    'an attempt to be recorded',
  );
