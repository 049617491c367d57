/**
 * Issue 35's promise: once an erasure's own events are delivered, no table holds the person's data. A Kardow member
 * and a Polar team (with a member's portal session) are made with a marker in every value a caller can send, with
 * webhook endpoints subscribed to every event and every call keyed; after the erasure (`delete_member`,
 * `DELETE /v1/customers/{id}?anonymize=true`) the marker is found nowhere: not in `pg_dump --data-only` on
 * PostgreSQL, not in the bytes of the database file and its write-ahead log on SQLite, not in the server's log.
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
import { markedMemberSync } from '../support/marked-member.js';
import { startReceiver } from '../support/receiver.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';

describe('erasure with webhooks and keyed calls', () => {
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
  const polar = (method: string, path: string, body: unknown, idempotencyKey: string): Promise<Reply> =>
    request(`${server.url}${path}`, {
      method,
      bearer: key,
      ...(body === undefined ? {} : { body }),
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  const delivered = (path: string, type: string) =>
    receiver.received.find((r) => r.path === path && r.body.includes(`"${type}"`));

  /** `erasures_total` for `surface`, as the server's /metrics tells it. */
  async function erasuresCounted(surface: string): Promise<number> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(new RegExp(`^erasures_total\\{surface="${surface}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  }

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

  it('Kardow delete_member: the marker nowhere once user.deleted is delivered, which names the member', async () => {
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
    const updated = await kardow('/members/sync', markedMemberSync(marker, 'price_e'), randomUUID());
    expect(updated.status).toBe(200);
    const memberId = (updated.body as { data: { member: { id: string } } }).data.member.id;
    // The test can fail: the values are stored before the erasure.
    expect(whereIs(marker)).not.toEqual([]);

    const erasureKey = randomUUID();
    const erased = await kardow('/members/access', { email, action: 'delete_member' }, erasureKey);
    expect(erased.status).toBe(200);
    await until(() => delivered('/ok/erasure', 'user.deleted') !== undefined, 15_000, 'the user.deleted delivery');
    const deleted = delivered('/ok/erasure', 'user.deleted')?.body ?? '';
    const told = JSON.parse(deleted) as { data: { member: { id: string } } };
    expect(told.data.member.id).toBe(memberId);
    expect(deleted).not.toContain(marker);

    await until(() => whereIs(marker).length === 0, 15_000, `the marker to leave ${whereIs(marker).join(', ')}`);
    expect(await erasuresCounted('kardow')).toBe(1);
    // The retry of the erasure is answered as before, from the scrubbed answer, and does nothing again.
    const retry = await kardow('/members/access', { email, action: 'delete_member' }, erasureKey);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.stringify(retry.body)).not.toContain(marker);
  });

  it('Polar anonymize: the marker nowhere once customer.deleted is delivered, which names the customer', async () => {
    const marker = `polarerasure${randomUUID().slice(0, 8)}`;
    const subscribed = await polar(
      'POST',
      '/v1/webhooks/endpoints',
      {
        url: `${receiver.url}/ok/polar`,
        format: 'raw',
        events: ['customer.created', 'customer.updated', 'customer.deleted', 'member.created', 'member.updated'],
      },
      randomUUID(),
    );
    expect(subscribed.status).toBe(201);
    const createKey = randomUUID();
    const customerBody = { type: 'team', email: `owner-${marker}@example.com`, name: `Team ${marker}` };
    const created = await polar('POST', '/v1/customers/', customerBody, createKey);
    expect(created.status).toBe(201);
    const customerId = (created.body as { id: string }).id;
    const renamed = await polar('PATCH', `/v1/customers/${customerId}`, { name: `Renamed ${marker}` }, randomUUID());
    expect(renamed.status).toBe(200);
    const memberIds: string[] = [];
    for (const who of ['a', 'b']) {
      const member = await polar(
        'POST',
        '/v1/members',
        { customer_id: customerId, email: `${who}-${marker}@example.com`, name: `Member ${who} ${marker}` },
        randomUUID(),
      );
      expect(member.status).toBe(201);
      memberIds.push((member.body as { id: string }).id);
    }
    const session = await polar(
      'POST',
      '/v1/customer-sessions/',
      { customer_id: customerId, member_id: memberIds[0], return_url: `https://app.example/${marker}` },
      randomUUID(),
    );
    expect(session.status).toBe(201);
    const token = (session.body as { token: string }).token;
    const portal = () => request(`${server.url}/v1/customer-portal/members`, { bearer: token });
    expect((await portal()).status).not.toBe(401);
    expect(whereIs(marker)).not.toEqual([]);

    const deletedKey = randomUUID();
    const anonymized = await polar('DELETE', `/v1/customers/${customerId}?anonymize=true`, undefined, deletedKey);
    expect(anonymized.status).toBe(204);
    await until(
      () => delivered('/ok/polar', 'customer.deleted') !== undefined,
      15_000,
      'the customer.deleted delivery',
    );
    const deleted = delivered('/ok/polar', 'customer.deleted')?.body ?? '';
    expect((JSON.parse(deleted) as { data: { id: string } }).data.id).toBe(customerId);
    expect(deleted).not.toContain(marker);

    await until(() => whereIs(marker).length === 0, 15_000, `the marker to leave ${whereIs(marker).join(', ')}`);
    expect(await erasuresCounted('polar')).toBe(1);
    // The member's portal session ended with the erasure.
    expect((await portal()).status).toBe(401);
    // A retry of the create is answered from the scrubbed answer: the customer as it reads now, and nothing again.
    const retry = await polar('POST', '/v1/customers/', customerBody, createKey);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((retry.body as { id: string }).id).toBe(customerId);
    expect(JSON.stringify(retry.body)).not.toContain(marker);
  });
});
