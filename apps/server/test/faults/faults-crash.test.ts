/**
 * The fault suite, part one: server processes killed with SIGKILL, on this run's database (SQLite or PostgreSQL).
 * Each case is a real process and a real fault, and asserts exact counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rawQuery, type Database } from '@members/db';
import {
  faultDatabase,
  killHard,
  restart,
  send,
  syncLoad,
  syncRequest,
  until,
  type SentSync,
} from '../support/faults.js';
import { startReceiver } from '../support/receiver.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';

interface StoredMember {
  email: string;
  custom_fields: string | Record<string, unknown>;
  payments: number | string;
}

/** Every member of a run, with its custom fields and how many payments it has. */
async function storedMembers(db: Database, run: string): Promise<Map<string, StoredMember>> {
  const rows = await rawQuery<StoredMember>(
    db.fork(),
    `select m.email, m.custom_fields, count(p.id) as payments from member m left join payment p on p.member_id = m.id
      where m.email like ? group by m.id, m.email, m.custom_fields`,
    [`${run}-%`],
  );
  return new Map(rows.map((row) => [row.email, row]));
}

const fieldsOf = (row: StoredMember) =>
  typeof row.custom_fields === 'string' ? (JSON.parse(row.custom_fields) as unknown) : row.custom_fields;

/** The member holds exactly what its one request sent: its custom fields, and one payment. */
function expectStoredOnce(stored: Map<string, StoredMember>, sent: SentSync) {
  const row = stored.get(sent.email);
  expect(row, sent.email).toBeDefined();
  if (!row) return;
  expect(fieldsOf(row)).toEqual(sent.body.customFields);
  expect(Number(row.payments)).toBe(1);
}

describe('a process killed at an exact instant of an Idempotency-Key request', () => {
  let fault: Awaited<ReturnType<typeof faultDatabase>>;
  let server: ServerProcess | undefined;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    fault = await faultDatabase();
    onClose(fault, (f) => f.drop());
  });

  it('after its commit: the retry gets the stored answer, replayed, and nothing is written twice', async () => {
    const dying = await startServerProcess({ DATABASE_URL: fault.url, MEMBERS_CRASH_AT: 'idempotent-after-commit' });
    const sent = syncRequest('after-commit', 1);
    expect(await send(dying.url, fault.key, sent)).toBeNull();
    expect(await dying.exited).toBeNull(); // killed by its signal, not exited

    server = await restart({ DATABASE_URL: fault.url });
    onClose(server, (s) => s.stop());
    const retry = await send(server.url, fault.key, sent);
    expect(retry).toMatchObject({ status: 201, replayed: true });
    expect(retry?.body).toMatchObject({
      data: { created: true, member: { email: sent.email, customFields: sent.body.customFields }, payment: {} },
    });
    expectStoredOnce(await storedMembers(fault.db, 'after-commit'), sent);
    await server.stop();
    server = undefined;
  }, 60_000);

  it('before its commit: nothing was written, and the retry runs, once', async () => {
    const dying = await startServerProcess({ DATABASE_URL: fault.url, MEMBERS_CRASH_AT: 'idempotent-before-commit' });
    const sent = syncRequest('before-commit', 1);
    expect(await send(dying.url, fault.key, sent)).toBeNull();
    expect(await dying.exited).toBeNull();
    expect((await storedMembers(fault.db, 'before-commit')).size).toBe(0);

    server = await restart({ DATABASE_URL: fault.url });
    onClose(server, (s) => s.stop());
    const retry = await send(server.url, fault.key, sent);
    expect(retry).toMatchObject({ status: 201, replayed: false });
    const again = await send(server.url, fault.key, sent);
    expect(again).toMatchObject({ status: 201, replayed: true, body: retry?.body });
    expectStoredOnce(await storedMembers(fault.db, 'before-commit'), sent);
    await server.stop();
    server = undefined;
  }, 60_000);
});

describe('SIGKILL under a stream of syncs with payments and keys, twice, then a restart', () => {
  let fault: Awaited<ReturnType<typeof faultDatabase>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let server: ServerProcess;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    fault = await faultDatabase();
    onClose(fault, (f) => f.drop());
    receiver = await startReceiver();
    onClose(receiver, (r) => r.close());
  });

  it('keeps every acknowledged change once, as sent; retries are answered; every event is delivered', async () => {
    const run = `killed-${Date.now()}`;
    // On PostgreSQL what the dead process was sending waits out its lease: 3 s rather than the default 10.
    const env = { DATABASE_URL: fault.url, RATE_LIMIT_PER_SECOND: '0', WEBHOOK_LEASE_MS: '3000' };
    server = await restart(env);
    onClose(server, (s) => s.stop());
    // The receiver takes a while to answer, so that deliveries are in flight when the process dies.
    const subscribed = await fetch(`${server.url}/webhooks`, {
      method: 'POST',
      headers: { 'x-api-key': fault.key, 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'user.created', target_type: 'webhook', target_url: `${receiver.url}/slow` }),
    });
    expect(subscribed.status).toBe(201);

    const load = syncLoad(() => server.url, fault.key, run);
    let restartedAt = 0;
    for (const kill of [1, 2]) {
      const before = load.acknowledged.size;
      await until(() => load.acknowledged.size >= before + 150, 60_000, `150 more syncs before kill ${kill}`);
      // Wait until the receiver holds deliveries unanswered: the kill lands while they are in flight.
      await until(() => receiver.open > 0, 30_000, 'a delivery in flight');
      await killHard(server);
      server = await restart(env);
      onClose(server, (s) => s.stop());
      restartedAt = Date.now();
    }
    // After the last restart the clients only finish (retrying) the requests they were on.
    await load.stop();
    console.log(
      `fault suite: ${load.sent} syncs sent, ${load.retried.size} retried with their keys after the kills, ` +
        `${load.acknowledged.size} acknowledged`,
    );
    expect(load.lastInUse === 0 || load.lastInUse - restartedAt <= 5000).toBe(true);
    expect(load.acknowledged.size).toBe(load.sent);
    expect(load.statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);

    const stored = await storedMembers(fault.db, run);
    expect(stored.size).toBe(load.sent);
    for (const sent of load.acknowledged.values()) expectStoredOnce(stored, sent);

    // Every member's user.created arrives, those in flight at a kill included, within 15 s of the restart.
    const delivered = () => {
      const seen = new Set<string>();
      for (const { body } of receiver.received) {
        const email = /"email":"([^"]+)"/.exec(body)?.[1];
        if (email?.startsWith(run)) seen.add(email);
      }
      return seen;
    };
    await until(() => delivered().size === load.sent, 15_000 - (Date.now() - restartedAt), 'every user.created');
    console.log(`fault suite: ${delivered().size} of ${load.sent} user.created events delivered after the kills`);
  }, 180_000);
});

describe('a slow receiver while its delivery is leased', () => {
  let fault: Awaited<ReturnType<typeof faultDatabase>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let server: ServerProcess;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    fault = await faultDatabase();
    onClose(fault, (f) => f.drop());
    receiver = await startReceiver();
    onClose(receiver, (r) => r.close());
  });

  it('is not sent the delivery twice while the first attempt runs past the lease', async () => {
    // A lease of 3 s (10 s by default) keeps the wait short: renewed every second, it must outlive three renewals.
    server = await restart({ DATABASE_URL: fault.url, WEBHOOK_TIMEOUT_MS: '16000', WEBHOOK_LEASE_MS: '3000' });
    onClose(server, (s) => s.stop());
    await fetch(`${server.url}/webhooks`, {
      method: 'POST',
      headers: { 'x-api-key': fault.key, 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'user.created', target_type: 'webhook', target_url: `${receiver.url}/hang` }),
    });
    expect((await send(server.url, fault.key, syncRequest('slow', 1)))?.status).toBe(201);
    await receiver.waitFor('/hang', 1);
    // Longer than a lease: it is renewed while the receiver has not answered, so no second attempt starts.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(receiver.received.filter((request) => request.path === '/hang')).toHaveLength(1);
  }, 60_000);
});
