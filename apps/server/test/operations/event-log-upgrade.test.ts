import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions, parseDatabaseUrl, rawQuery, type EntityManager } from '@members/db';
import { createOrganization } from '@members/api';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { databaseOfItsOwn } from '../support/server.js';

/** The last migration before `webhook_event` became the event log. */
const previousRelease = 'Migration20261207010000_member_tally_on_change';

const database = databaseOfItsOwn('eventlog');
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  await database.drop();
});

interface Page {
  data: { id: string; type: string; data: { member: { email: string } } }[];
  nextCursor: string | null;
}

describe('the event log after the upgrade that makes it one', () => {
  it('serves the events the previous release wrote, in their order, and appends after them', async () => {
    const location = parseDatabaseUrl(database.url);
    const orm = await MikroORM.init(ormOptions(location));
    let key: string;
    try {
      await orm.getMigrator().up({ to: previousRelease });
      const em = orm.em.fork() as EntityManager;
      const created = await createOrganization(em, `Event log org ${randomUUID()}`);
      key = created.apiKey.key;
      // Events as the previous release wrote them for a subscribed endpoint: no position, no transaction id.
      for (const email of ['old-1@example.com', 'old-2@example.com']) {
        const member = {
          id: randomUUID(),
          organizationId: created.organization.id,
          email,
          name: email,
          role: 'employee',
          approvalStatus: 'approved',
          profilePicture: null,
          description: null,
          customFields: null,
        };
        const payload = { event: 'user.created', timestamp: new Date().toISOString(), data: { member } };
        await rawQuery(
          em,
          `insert into webhook_event (id, organization_id, surface, type, payload, ordering_key, created_at)
           values (?, ?, 'kardow', 'user.created', ?, ?, ?)`,
          [randomUUID(), created.organization.id, JSON.stringify(payload), member.id, new Date()],
        );
      }
    } finally {
      await orm.close(true);
    }
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    expect(server.output()).toContain('Migration20261207020000_event_log');

    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const page = async (after?: string): Promise<Page> => {
      const reply = await fetch(`${server?.url}/events${after ? `?after=${after}` : ''}`, { headers });
      expect(reply.status).toBe(200);
      return (await reply.json()) as Page;
    };
    const old = await page();
    expect(old.data.map((event) => event.data.member.email)).toEqual(['old-1@example.com', 'old-2@example.com']);

    const synced = await fetch(`${server.url}/members/sync`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: 'new@example.com' }),
    });
    expect(synced.status).toBe(201);
    const next = await page(old.nextCursor ?? undefined);
    expect(next.data.map((event) => [event.type, event.data.member.email])).toEqual([
      ['user.created', 'new@example.com'],
    ]);
    // Resuming from the first old event reads on from there.
    expect((await page(old.data[0]?.id)).data.map((event) => event.data.member.email)).toEqual([
      'old-2@example.com',
      'new@example.com',
    ]);
  });
});
