/**
 * Issue 35's promise for Kardow's `delete_member`: once the erasure's own events are delivered, no table holds the
 * person's data. A member is made with a marker in every value a caller can send, with a webhook endpoint subscribed
 * to every event and every call keyed; after the erasure the marker is found nowhere: not in `pg_dump --data-only`
 * on PostgreSQL, not in the bytes of the database file and its write-ahead log on SQLite, not in the server's log.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createPlan, organizationScope } from '@members/api';
import { openDatabase } from '@members/db';
import { scratchDatabase } from '../support/databases.js';
import { until } from '../support/faults.js';
import { request, type Reply } from '../support/http.js';
import { startReceiver } from '../support/receiver.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';

describe('Kardow delete_member with webhooks and keyed calls', () => {
  let url: string;
  let postgres: boolean;
  let key: string;
  let server: ServerProcess;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    const scratch = await scratchDatabase();
    onClose(scratch, (s) => s.drop());
    ({ url, postgres } = scratch);
    const db = await openDatabase(url, { migrate: true });
    const { organization, apiKey } = await createOrganization(db.fork(), 'Erasure');
    await createPlan(await organizationScope(db, organization.id), { name: 'Erasable', stripePriceId: 'price_e' });
    await db.close();
    key = apiKey.key;
    receiver = await startReceiver();
    onClose(receiver, (r) => r.close());
    server = await startServerProcess({ DATABASE_URL: url, WEBHOOK_ALLOW_PRIVATE: '1' });
    onClose(server, (s) => s.stop());
  }, 60_000);

  const kardow = (path: string, body: unknown, idempotencyKey: string): Promise<Reply> =>
    request(`${server.url}${path}`, { method: 'POST', key, body, headers: { 'Idempotency-Key': idempotencyKey } });

  /** Where the marker still is: the database's data, and the server's log. */
  function whereIs(marker: string): string[] {
    const found: string[] = [];
    if (postgres) {
      const dump = execFileSync('pg_dump', ['--data-only', url], { maxBuffer: 1 << 28 });
      if (dump.includes(marker)) found.push('pg_dump');
    } else {
      const file = url.slice('file:'.length);
      for (const name of [file, `${file}-wal`]) {
        if (existsSync(name) && readFileSync(name).includes(Buffer.from(marker))) found.push(name);
      }
    }
    if (server.output().includes(marker)) found.push('the server’s log');
    return found;
  }

  it('leaves the marker nowhere once the user.deleted is delivered, and tells receivers whom it erased', async () => {
    const marker = `erasuremarker${randomUUID().slice(0, 8)}`;
    const email = `${marker}@example.com`;
    const subscribed = await kardow(
      '/webhooks',
      { event: '*', target_type: 'webhook', target_url: `${receiver.url}/ok/erasure` },
      randomUUID(),
    );
    expect(subscribed.status).toBe(201);
    const created = await kardow(
      '/members/sync',
      { email, name: `Earlier ${marker}`, customFields: { phone: `phone ${marker}` } },
      randomUUID(),
    );
    expect(created.status).toBe(201);
    const updated = await kardow(
      '/members/sync',
      {
        email,
        name: `Name ${marker}`,
        description: `About ${marker}`,
        profilePicture: `https://pictures.example/${marker}.png`,
        customFields: { city: `city ${marker}` },
        access: { stripePriceId: 'price_e', status: 'active', metadata: { note: `note ${marker}` } },
        payment: {
          jobId: randomUUID(),
          amount: 199,
          currency: 'USD',
          paymentProvider: 'invoice',
          metadata: { invoiceName: `invoice ${marker}` },
        },
      },
      randomUUID(),
    );
    expect(updated.status).toBe(200);
    const memberId = (updated.body as { data: { member: { id: string } } }).data.member.id;
    // The test can fail: the values are stored before the erasure.
    expect(whereIs(marker)).not.toEqual([]);

    const erasureKey = randomUUID();
    const erased = await kardow('/members/access', { email, action: 'delete_member' }, erasureKey);
    expect(erased.status).toBe(200);
    const deletedEvent = () =>
      receiver.received.find((r) => r.path === '/ok/erasure' && r.body.includes('"user.deleted"'));
    await until(() => deletedEvent() !== undefined, 15_000, 'the user.deleted delivery');
    const deleted = deletedEvent()?.body ?? '';
    const told = JSON.parse(deleted) as { data: { member: { id: string } } };
    expect(told.data.member.id).toBe(memberId);
    expect(deleted).not.toContain(marker);

    await until(() => whereIs(marker).length === 0, 15_000, `the marker to leave ${whereIs(marker).join(', ')}`);
    // The retry of the erasure is answered as before, from the scrubbed answer, and does nothing again.
    const retry = await kardow('/members/access', { email, action: 'delete_member' }, erasureKey);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.stringify(retry.body)).not.toContain(marker);
  });
});
