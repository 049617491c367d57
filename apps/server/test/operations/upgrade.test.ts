import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions, parseDatabaseUrl, rawQuery, type EntityManager } from '@members/db';
import { createOrganization } from '@members/api';
import { createMembersClient } from '@members/client';
import { request } from '../support/http.js';
import { startReceiver } from '../support/receiver.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { databaseOfItsOwn } from '../support/server.js';
import { closeAfterAll } from '../support/teardown.js';
import { match } from '../support/matchers.js';

/** The last migration of the release before the delivery queue: the schema a database being upgraded holds. */
const previousRelease = 'Migration20261125040000_live_member_lists';

/** Its own database, to hold the old schema. */
const database = databaseOfItsOwn('upgrade');
const databaseUrl = database.url;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let server: ServerProcess | undefined;
let key = '';
let endpointId = '';

const onClose = closeAfterAll();
beforeAll(async () => {
  receiver = await startReceiver();
  onClose(receiver, (r) => r.close());
}, 60_000);
onClose(database, (d) => d.drop());

describe('a database written by the previous release', () => {
  it('is migrated on start, and its pending deliveries and members carry on', async () => {
    const location = parseDatabaseUrl(databaseUrl);
    const orm = await MikroORM.init(ormOptions(location));
    try {
      await orm.getMigrator().up({ to: previousRelease });
      const em = orm.em.fork() as EntityManager;
      const created = await createOrganization(em, `Upgraded org ${randomUUID()}`);
      key = created.apiKey.key;
      endpointId = await writeOldRows(em, location.dialect === 'postgresql', created.organization.id, receiver.url);
    } finally {
      await orm.close(true);
    }

    server = await startServerProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
    onClose(server, (s) => s.stop());
    expect(server.output()).toContain('Migration20261130010000_webhook_delivery_queue');
    expect(server.output()).toContain('Migration20261130020000_member_lists');
    // The delivery the old release left pending goes out, to its old endpoint.
    const [delivered] = await receiver.waitFor('/ok/upgraded', 1);
    expect(JSON.parse(delivered?.body ?? '{}')).toMatchObject({ event: 'user.created' });
    // The old members are served, and new writes are told to the old endpoint too.
    const lookup = await request(`${server.url}/members/before-upgrade@example.com`, { key });
    expect(lookup.status).toBe(200);
    const synced = await request(`${server.url}/members/sync`, { key, body: { email: 'after-upgrade@example.com' } });
    expect(synced.status).toBe(201);
    // The old member is counted by the list's tally, which the migration filled from the rows it found.
    const listed = await request(`${server.url}/members?limit=1`, { key });
    expect(listed.body).toMatchObject({ totalCount: 2, data: [{ email: 'after-upgrade@example.com' }] });
    const deliveries = await receiver.waitFor('/ok/upgraded', 2);
    expect(deliveries[1]?.body).toContain('after-upgrade@example.com');
    const endpoints = (await request(`${server.url}/webhooks`, { key })).body as { data: { id: string }[] };
    expect(endpoints.data.map((endpoint) => endpoint.id)).toEqual([endpointId]);
    // The overview's tallies were filled from the old rows: its member, on the day it was made, and its subscription.
    const client = createMembersClient({ url: server.url, apiKey: key });
    const members = await client.overview.members.query({ days: 30 });
    expect(members.total).toBe(2);
    expect(members.perDay.at(-1)?.count).toBe(2);
    const subscriptions = await client.overview.subscriptions.query({});
    expect(subscriptions.byPlan).toEqual([{ planId: match.any(String), planName: 'Old plan', count: 1 }]);
    expect(subscriptions.byStatus).toContainEqual({ status: 'active', count: 1 });
  });
});

/**
 * Rows as the previous release wrote them: a member with a subscription to a plan, a Kardow webhook subscription,
 * and a delivery of its event still pending.
 */
async function writeOldRows(em: EntityManager, postgres: boolean, organizationId: number, receiverUrl: string) {
  const now = postgres ? new Date() : Date.now();
  const memberId = randomUUID();
  await rawQuery(
    em,
    `insert into member (id, organization_id, email, name, role, approval_status, custom_fields, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [memberId, organizationId, 'before-upgrade@example.com', 'Before', 'employee', 'approved', null, now, now],
  );
  const planId = randomUUID();
  await rawQuery(
    em,
    `insert into plan (id, organization_id, name, stripe_price_id, paypal_plan_id, jobs_included, created_at)
     values (?, ?, 'Old plan', 'price_old', null, null, ?)`,
    [planId, organizationId, now],
  );
  await rawQuery(
    em,
    `insert into subscription (id, organization_id, member_id, plan_id, status, created_at, updated_at)
     values (?, ?, ?, ?, 'active', ?, ?)`,
    [randomUUID(), organizationId, memberId, planId, now, now],
  );
  const endpointId = randomUUID();
  await rawQuery(
    em,
    `insert into webhook_endpoint (id, organization_id, surface, url, name, format, events, secret, enabled,
       consecutive_failures, created_at, modified_at) values (?, ?, 'kardow', ?, null, 'raw', ?, ?, ?, 0, ?, null)`,
    [
      endpointId,
      organizationId,
      `${receiverUrl}/ok/upgraded`,
      '["user.created"]',
      'whsec_upgrade_secret_0123',
      true,
      now,
    ],
  );
  const eventId = randomUUID();
  const payload = JSON.stringify({ event: 'user.created', timestamp: new Date().toISOString(), data: { member: {} } });
  await rawQuery(
    em,
    `insert into webhook_event (id, organization_id, surface, type, payload, ordering_key, created_at)
     values (?, ?, 'kardow', 'user.created', ?, ?, ?)`,
    [eventId, organizationId, payload, memberId, now],
  );
  await rawQuery(
    em,
    `insert into webhook_delivery (id, event_id, endpoint_id, ordering_key, sequence, status, attempts, next_attempt_at,
       leased_until, first_attempted_at, last_http_code, created_at, modified_at)
     values (?, ?, ?, ?, 1, 'pending', 0, ?, null, null, null, ?, null)`,
    [randomUUID(), eventId, endpointId, memberId, now, now],
  );
  return endpointId;
}
