import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@members/db';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTenant, testDatabaseUrl, type Tenant } from '../support/server.js';
import { closeAfterAll } from '../support/teardown.js';

/** The machine's Redis; .ci/run starts it. Without one the test is skipped, except in CI, where it must run. */
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const reachable = await (async () => {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
})();

let db: Database;
let tenant: Tenant;
let a: ServerProcess;
let b: ServerProcess;

describe.skipIf(!reachable && process.env.CI !== 'true')('rate limits shared through Redis', () => {
  const onClose = closeAfterAll();
  beforeAll(async () => {
    const databaseUrl = testDatabaseUrl();
    db = await openDatabase(databaseUrl, { migrate: true });
    onClose(db, (d) => d.close());
    tenant = await createTenant(db);
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: '6',
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    onClose(a, (p) => p.stop());
    onClose(b, (p) => p.stop());
  }, 60_000);

  it('lets two server processes spend one key’s limit together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const server = i % 2 ? b : a;
      const reply = await fetch(`${server.url}/members/nobody@example.com`, { headers: { 'x-api-key': tenant.key } });
      statuses.push(reply.status);
    }
    // Six between them, not six each.
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 429, 429]);
  });
});
