/**
 * The fault suite, part two: what the server depends on fails under load. The database's connections are terminated
 * mid-transaction (PostgreSQL), and Redis is killed while it holds the rate limits. PostgreSQL stopped and started
 * under load is `database-outage.test.ts`. Each case asserts that callers saw only answers or 503 with Retry-After,
 * and that every change is there once, whole.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rawQuery, type Database } from '@members/db';
import { faultDatabase, restart, syncLoad, terminateConnections, until, type SentSync } from '../support/faults.js';
import type { ServerProcess } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';

const postgresRun = (process.env.DATABASE_URL ?? '').startsWith('postgres');

/** Each request sent is there once: its member with the fields sent and exactly one payment, or nothing at all. */
async function expectWholeAndOnce(url: string, run: string, acknowledged: Map<string, SentSync>) {
  const db: Database = await openDatabase(url);
  try {
    const rows = await rawQuery<{ email: string; payments: number | string }>(
      db.fork(),
      `select m.email, count(p.id) as payments from member m left join payment p on p.member_id = m.id
        where m.email like ? group by m.id, m.email`,
      [`${run}-%`],
    );
    expect(rows.filter((row) => Number(row.payments) !== 1)).toEqual([]);
    expect(rows.length).toBe(acknowledged.size);
    const stored = new Set(rows.map((row) => row.email));
    expect([...acknowledged.keys()].filter((email) => !stored.has(email))).toEqual([]);
  } finally {
    await db.close();
  }
}

/** What callers saw: answers, or 503 with Retry-After; never another 5xx. */
function expectOnly503s(load: ReturnType<typeof syncLoad>) {
  expect(load.faults.filter((fault) => fault.status !== 503 || !fault.retryAfter)).toEqual([]);
}

describe.skipIf(!postgresRun)('the server’s database connections terminated mid-transaction, under load', () => {
  let fault: Awaited<ReturnType<typeof faultDatabase>>;
  let server: ServerProcess;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    fault = await faultDatabase();
    onClose(fault, (f) => f.drop());
    server = await restart({ DATABASE_URL: fault.url, RATE_LIMIT_PER_SECOND: '0' });
    onClose(server, (s) => s.stop());
  }, 60_000);

  it('answers 503 or succeeds, writes nothing by halves, and serves again by itself', async () => {
    const run = `terminated-${Date.now()}`;
    const load = syncLoad(() => server.url, fault.key, run);
    let terminated = 0;
    for (let round = 0; round < 3; round++) {
      const before = load.acknowledged.size;
      await until(() => load.acknowledged.size >= before + 100, 60_000, 'syncs between terminations');
      terminated += await terminateConnections(fault.db);
    }
    const before = load.acknowledged.size;
    await until(() => load.acknowledged.size >= before + 100, 60_000, 'syncs after the last termination');
    await load.stop();
    console.log(
      `fault suite: ${terminated} connections terminated in 3 rounds; ${load.sent} syncs, ` +
        `${load.faults.length} answered 503 and retried with their keys`,
    );
    expect(terminated).toBeGreaterThan(0);
    expectOnly503s(load);
    expect(server.child.exitCode).toBeNull();
    await expectWholeAndOnce(fault.url, run, load.acknowledged);
  }, 120_000);
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe('Redis killed under load, with REDIS_URL set', () => {
  let fault: Awaited<ReturnType<typeof faultDatabase>>;
  let server: ServerProcess;
  let redis: ReturnType<typeof spawn>;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    fault = await faultDatabase();
    onClose(fault, (f) => f.drop());
    // A Redis of the test's own, so that killing it touches nothing else.
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
    onClose(redis, (r) => r.kill('SIGKILL'));
    // A new client per look, which does not retry: an ioredis client whose first connect failed reconnects on its
    // own and refuses a second connect(), so a Redis slower to start than the first look was never seen.
    const listening = async () => {
      const probe = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined); // refused until it listens
      try {
        await probe.ping();
        return true;
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    };
    await until(listening, 30_000, 'redis-server to listen');
    server = await restart({
      DATABASE_URL: fault.url,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      RATE_LIMIT_PER_SECOND: '100000',
      RATE_LIMIT_BURST: '100000',
    });
    onClose(server, (s) => s.stop());
  }, 60_000);

  it('keeps serving on each process’s own limits: no 5xx but 503, nothing lost', async () => {
    const run = `redis-${Date.now()}`;
    const load = syncLoad(() => server.url, fault.key, run);
    await until(() => load.acknowledged.size >= 100, 60_000, 'syncs while Redis is up');
    redis.kill('SIGKILL');
    const before = load.acknowledged.size;
    await until(() => load.acknowledged.size >= before + 200, 60_000, 'syncs after Redis died');
    await load.stop();
    console.log(`fault suite: ${load.sent} syncs across Redis's death, ${load.faults.length} answered 5xx`);
    expectOnly503s(load);
    await expectWholeAndOnce(fault.url, run, load.acknowledged);
  }, 120_000);
});
