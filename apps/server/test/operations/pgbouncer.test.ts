/**
 * Behind a transaction pooler, as hosted PostgreSQL is run: DATABASE_URL through Debian's PgBouncer in transaction
 * mode, DATABASE_DIRECT_URL to the database itself for migrations and LISTEN.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { faultDatabase, restart, send, syncRequest } from '../support/faults.js';
import { pgbouncerBin, startPgbouncer } from '../support/pgbouncer.js';
import { startReceiver } from '../support/receiver.js';
import type { ServerProcess } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';

const postgresRun = (process.env.DATABASE_URL ?? '').startsWith('postgres');

describe.runIf(postgresRun && (pgbouncerBin || process.env.CI === 'true'))(
  'through PgBouncer in transaction mode',
  () => {
    let fault: Awaited<ReturnType<typeof faultDatabase>>;
    let pgbouncer: Awaited<ReturnType<typeof startPgbouncer>>;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let servers: ServerProcess[] = [];
    const onClose = closeAfterAll();
    beforeAll(async () => {
      fault = await faultDatabase();
      onClose(fault, (f) => f.drop());
      pgbouncer = await startPgbouncer(fault.url);
      onClose(pgbouncer, (p) => p.stop());
      receiver = await startReceiver();
      onClose(receiver, (r) => r.close());
      // Read when the tests are done: the servers they started, stopped before the pooler they go through.
      onClose(undefined, () => Promise.all(servers.map((server) => server.stop())));
    }, 60_000);

    it('delivers at the direct connection’s lag (LISTEN on DATABASE_DIRECT_URL), and keeps keyed writes once', async () => {
      // A poll every 5 s: a delivery that arrives well within it was heard of by LISTEN.
      const env = {
        DATABASE_URL: pgbouncer.pooled(fault.url),
        DATABASE_DIRECT_URL: fault.url,
        WEBHOOK_POLL_MS: '5000',
        RATE_LIMIT_PER_SECOND: '0',
      };
      // Two processes at once, as replicas start: migrations under the lock on the direct URL, the rest pooled.
      servers = await Promise.all([restart(env), restart(env)]);
      const [first, second] = servers;
      if (!first || !second) throw new Error('servers did not start');
      const subscribed = await fetch(`${first.url}/webhooks`, {
        method: 'POST',
        headers: { 'x-api-key': fault.key, 'content-type': 'application/json' },
        body: JSON.stringify({
          event: 'user.created',
          target_type: 'webhook',
          target_url: `${receiver.url}/ok/pooled`,
        }),
      });
      expect(subscribed.status).toBe(201);

      const lags: number[] = [];
      for (let i = 0; i < 20; i++) {
        const sent = syncRequest('pooled', i);
        const server = i % 2 ? second : first;
        expect((await send(server.url, fault.key, sent))?.status).toBe(201);
        const answered = Date.now();
        await receiver.waitFor('/ok/pooled', i + 1, 10_000);
        lags.push(Date.now() - answered);
        // The same request again, with its key, on the other process: the stored answer, nothing twice.
        const again = await send((i % 2 ? first : second).url, fault.key, sent);
        expect(again).toMatchObject({ status: 201, replayed: true });
      }
      lags.sort((a, b) => a - b);
      const median = lags[Math.floor(lags.length / 2)] ?? Infinity;
      console.log(`through PgBouncer: delivery lag after the answer, median ${median} ms, max ${lags.at(-1)} ms`);
      expect(median).toBeLessThan(1000);
      expect(receiver.received.filter((request) => request.path === '/ok/pooled')).toHaveLength(20);
    }, 120_000);
  },
);
