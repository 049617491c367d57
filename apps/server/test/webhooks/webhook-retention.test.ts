import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneWebhooks } from '@members/api';
import { rawQuery, type Database } from '@members/db';
import { request } from '../support/http.js';
import { createTenant, databaseOfItsOwn, startServer, type Tenant, type TestServer } from '../support/server.js';

let server: TestServer;
let tenant: Tenant;

/**
 * Its own database: pruning takes every organization's old rows, and another file's server, delivering any
 * organization's events, would give up on this file's aged pending delivery.
 */
const database = databaseOfItsOwn('retention');

beforeAll(async () => {
  server = await startServer({ databaseUrl: database.url });
  tenant = await createTenant(server.db);
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

const day = 24 * 60 * 60 * 1000;

/** The deliveries of this test's members, by the email their event is about. */
async function deliveriesOf(db: Database, run: string) {
  return rawQuery<{ id: string; event_id: string; endpoint_id: string; payload: string }>(
    db.fork(),
    `select d.id, d.event_id, d.endpoint_id, e.payload from webhook_delivery d join webhook_event e on e.id = d.event_id
      where e.payload like ?`,
    [`%${run}%`],
  );
}

const count = async (db: Database, sql: string, params: string[]) =>
  Number((await rawQuery<{ n: number | string }>(db.fork(), sql, params))[0]?.n ?? 0);

describe('webhook retention (WEBHOOK_RETENTION_DAYS)', () => {
  it('deletes finished deliveries, their attempts and their events once old, and keeps pending and recent ones', async () => {
    const run = `retention-${Date.now()}`;
    const subscribe = await request(`${server.url}/webhooks`, {
      key: tenant.key,
      body: { event: 'user.created', target_type: 'webhook', target_url: 'http://127.0.0.1:9/unused' },
    });
    expect(subscribe.status).toBe(201);
    for (let i = 0; i < 8; i++) {
      expect(
        (await request(`${server.url}/members/sync`, { key: tenant.key, body: { email: `${run}-${i}@x.io` } })).status,
      ).toBe(201);
    }
    // No worker runs in this server: every delivery is pending. Age and finish them by writing their rows.
    const deliveries = await deliveriesOf(server.db, run);
    expect(deliveries).toHaveLength(8);
    const [oldSucceeded, oldFailed, oldSucceeded2, oldPending, recentSucceeded, ...rest] = deliveries;
    const old = new Date(Date.now() - 31 * day);
    const recent = new Date(Date.now() - 29 * day);
    const age = async (id: string | undefined, status: string, createdAt: Date) => {
      await rawQuery(server.db.fork(), 'update webhook_delivery set status = ?, created_at = ? where id = ?', [
        status,
        createdAt,
        id ?? '',
      ]);
      const delivery = deliveries.find((row) => row.id === id);
      await rawQuery(server.db.fork(), 'update webhook_event set created_at = ? where id = ?', [
        createdAt,
        delivery?.event_id ?? '',
      ]);
      // One attempt each, as the worker records them.
      await rawQuery(
        server.db.fork(),
        `insert into webhook_attempt (id, delivery_id, event_id, endpoint_id, organization_id, succeeded, http_code,
           response, duration_ms, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          randomUUID(),
          id ?? '',
          delivery?.event_id ?? '',
          delivery?.endpoint_id ?? '',
          tenant.organizationId,
          // A boolean column: PostgreSQL's own, SQLite's an integer.
          server.db.dialect === 'postgresql' ? status === 'succeeded' : Number(status === 'succeeded'),
          200,
          'ok',
          5,
          createdAt,
        ],
      );
    };
    await age(oldSucceeded?.id, 'succeeded', old);
    await age(oldFailed?.id, 'failed', old);
    await age(oldSucceeded2?.id, 'succeeded', old);
    await age(oldPending?.id, 'pending', old);
    await age(recentSucceeded?.id, 'succeeded', recent);

    // Two a batch, so that the pruning goes in several batches, as it does at scale.
    const pruned = await pruneWebhooks(server.db, 30, { batchSize: 2 });
    expect(pruned).toMatchObject({ deliveries: 3, attempts: 3 });
    expect(pruned.events).toBeGreaterThanOrEqual(3);

    const left = new Set((await deliveriesOf(server.db, run)).map((row) => row.id));
    expect(left).toEqual(new Set([oldPending?.id, recentSucceeded?.id, ...rest.map((row) => row.id)]));
    const prunedIds = [oldSucceeded?.id ?? '', oldFailed?.id ?? '', oldSucceeded2?.id ?? ''];
    const attemptsLeft = await count(
      server.db,
      `select count(*) as n from webhook_attempt where delivery_id in (?, ?, ?)`,
      prunedIds,
    );
    expect(attemptsLeft).toBe(0);
    // The old pending delivery keeps its event, old as it is; the pruned deliveries' events are gone.
    const eventIds = (id: string | undefined) => deliveries.find((row) => row.id === id)?.event_id ?? '';
    expect(
      await count(server.db, 'select count(*) as n from webhook_event where id = ?', [eventIds(oldPending?.id)]),
    ).toBe(1);
    expect(
      await count(server.db, 'select count(*) as n from webhook_event where id in (?, ?, ?)', [
        eventIds(oldSucceeded?.id),
        eventIds(oldFailed?.id),
        eventIds(oldSucceeded2?.id),
      ]),
    ).toBe(0);

    // /metrics counts what went.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/webhook_rows_pruned_total\{table="webhook_delivery"\} [1-9]/);
  });

  it('deletes audit entries once older than AUDIT_RETENTION_DAYS, oldest first, and keeps the rest', async () => {
    for (let i = 0; i < 5; i++) {
      await request(`${server.url}/members/sync`, {
        key: tenant.key,
        body: { email: `audit-${i}-${randomUUID()}@example.com` },
      });
    }
    const ids = (
      await rawQuery<{ id: string | number }>(server.db.fork(), 'select id from audit_entry order by id', [])
    ).map((row) => String(row.id));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    // Made 400 days old, as if a year had passed since: all but the newest two entries.
    const old = ids.slice(0, -2);
    const longAgo = new Date(Date.now() - 400 * day);
    await rawQuery(server.db.fork(), `update audit_entry set at = ? where id in (${old.map(() => '?').join(', ')})`, [
      server.db.dialect === 'postgresql' ? longAgo : longAgo.getTime(),
      ...old,
    ]);
    const pruned = await pruneWebhooks(server.db, 30, { batchSize: 2, auditRetentionDays: 365 });
    expect(pruned.auditEntries).toBe(old.length);
    const left = await rawQuery<{ id: string | number }>(
      server.db.fork(),
      'select id from audit_entry order by id',
      [],
    );
    expect(left.map((row) => String(row.id))).toEqual(ids.slice(-2));
  });
});
