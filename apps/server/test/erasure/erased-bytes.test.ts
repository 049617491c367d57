/**
 * Erasure on SQLite, the default: a person's values must leave the database's files, not only its tables. SQLite
 * keeps a deleted row's bytes in the page's free space and earlier versions of every page it changed in its
 * write-ahead log; the server zeroes what is deleted (`secure_delete`) and checkpoints and empties the log after an
 * erasure. Nothing here subscribes to webhooks or sends an Idempotency-Key: their copies are another matter.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/faults.js';
import { request } from '../support/http.js';
import { sync } from '../support/kardow.js';
import { markedMemberSync } from '../support/marked-member.js';
import { addMember, createCustomer, polar } from '../support/polar.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';

const sqliteRun = !(process.env.DATABASE_URL ?? '').startsWith('postgres');

describe.runIf(sqliteRun)('an erasure leaves none of its bytes in the SQLite file or its log', () => {
  const file = path.join(os.tmpdir(), `members-erasure-${randomUUID()}.db`);
  let server: TestServer;
  let tenant: Tenant;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: `file:${file}` });
    tenant = await createTenant(server.db);
    await tenant.plan({ name: 'Erasable', stripePriceId: 'price_erasable' });
  });
  afterAll(() => server.close());

  /** Whether the database file or its write-ahead log holds `text`, byte for byte. */
  const onDisk = (text: string) =>
    [file, `${file}-wal`].some((name) => existsSync(name) && readFileSync(name).includes(Buffer.from(text)));

  it('Kardow delete_member: the member, its subscription and its payment', async () => {
    const marker = `kardowmarker${randomUUID().slice(0, 8)}`;
    // An earlier version of the member, overwritten below (200, an update): its bytes are the person’s too.
    const first = await sync(server.url, tenant.key, {
      email: `${marker}@example.com`,
      name: `Earlier name ${marker}`,
      description: `Earlier ${marker} `.repeat(50),
    });
    expect(first.status).toBe(201);
    const reply = await sync(server.url, tenant.key, markedMemberSync(marker, 'price_erasable'));
    expect(reply.status).toBe(200);
    // The test can fail: the values are on disk before the erasure.
    expect(onDisk(marker)).toBe(true);

    const erased = await request(`${server.url}/members/access`, {
      method: 'POST',
      key: tenant.key,
      body: { email: `${marker}@example.com`, action: 'delete_member' },
    });
    expect(erased.status).toBe(200);
    await until(() => !onDisk(marker), 10_000, 'the erased member’s bytes to leave the files');
  });

  it('Polar anonymize: the customer and its members', async () => {
    const marker = `polarmarker${randomUUID().slice(0, 8)}`;
    const customer = await createCustomer(server.url, tenant.key, {
      type: 'team',
      email: `owner-${marker}@example.com`,
      name: `Team ${marker}`,
    });
    for (const who of ['a', 'b']) {
      await addMember(server.url, tenant.key, {
        customer_id: customer.id,
        email: `${who}-${marker}@example.com`,
        name: `Member ${who} ${marker}`,
      });
    }
    expect(onDisk(marker)).toBe(true);

    const deleted = await polar.delete(`${server.url}/v1/customers/${customer.id}?anonymize=true`, tenant.key);
    expect(deleted.status).toBe(204);
    await until(() => !onDisk(marker), 10_000, 'the anonymized customer’s bytes to leave the files');
  });
});
