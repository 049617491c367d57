import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '@members/api';
import { Member, openDatabase } from '@members/db';
import { createCluster, postgresBin, type PostgresCluster } from '../support/postgres-cluster.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';
import { match } from '../support/matchers.js';

/** Runs in the PostgreSQL pass of the suite (it needs the machine's PostgreSQL binaries, which CI has). */
const bin = postgresBin();
const postgresRun = (process.env.DATABASE_URL ?? '').startsWith('postgres');

let cluster: PostgresCluster;
let server: ServerProcess;
let key: string;

describe.skipIf(!postgresRun || !bin)('PostgreSQL stops under load, then comes back', () => {
  const onClose = closeAfterAll();
  beforeAll(async () => {
    cluster = await createCluster(bin ?? '');
    onClose(cluster, (c) => c.destroy());
    await cluster.start();
    const db = await openDatabase(cluster.url, { migrate: true });
    key = (await createOrganization(db.fork(), 'Outage')).apiKey.key;
    await db.close();
    server = await startServerProcess({ DATABASE_URL: cluster.url, RATE_LIMIT_PER_SECOND: '0' });
    onClose(server, (s) => s.stop());
  }, 90_000);

  it('answers 503 in each surface’s shape meanwhile, never crashes, recovers by itself, loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const failures: number[] = [];
    let serial = 0;
    let running = true;
    const sync = async () => {
      const email = `outage-${serial++}@example.com`;
      const reply = await fetch(`${server.url}/members/sync`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      const body = (await reply.json()) as { error?: { code: string } };
      if (reply.status < 300) acknowledged.push(email);
      else {
        failures.push(reply.status);
        expect(reply.status).toBe(503);
        expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(body.error?.code).toBe('unavailable');
      }
    };
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (running) await sync();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cluster.stop();

    const readyz = await fetch(`${server.url}/readyz`);
    expect(readyz.status).toBe(503);
    const polar = await fetch(`${server.url}/v1/members/`, { headers: { authorization: `Bearer ${key}` } });
    expect(polar.status).toBe(503);
    expect(await polar.json()).toEqual({ error: 'ServiceUnavailable', detail: match.any(String) });
    expect(Number(polar.headers.get('retry-after'))).toBeGreaterThan(0);
    const trpc = await fetch(`${server.url}/trpc/members.lookup?input=${encodeURIComponent('{"lookup":"a@b.co"}')}`, {
      headers: { 'x-api-key': key },
    });
    expect(trpc.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    await cluster.start();
    let recovered = false;
    for (let waited = 0; !recovered && waited < 20_000; waited += 250) {
      recovered = (await fetch(`${server.url}/readyz`)).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    const before = acknowledged.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await load;

    expect(failures.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(before);
    expect(server.child.exitCode).toBeNull();
    // The 503s were faults of the database, logged with their request ids; no body said more than "unavailable".
    expect(server.output()).toMatch(/"statusCode":503[^\n]*"err":\{[^\n]*"stack":/);
    const db = await openDatabase(cluster.url);
    const stored = await db.fork().count(Member, { email: { $in: acknowledged } });
    await db.close();
    expect(stored).toBe(acknowledged.length);
  }, 90_000);
});
