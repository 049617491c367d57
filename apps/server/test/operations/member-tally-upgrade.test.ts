import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions, parseDatabaseUrl, rawQuery, type EntityManager } from '@members/db';
import { createOrganization } from '@members/api';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { databaseOfItsOwn } from '../support/server.js';

/** The last migration before the member tally moved only on a changed value. */
const previousRelease = 'Migration20261205020000_customer_email_unique';

const database = databaseOfItsOwn('tally');
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  await database.drop();
});

/** The tally's rows: what each update that moves it appends, until a list folds them. */
async function tallyRows(): Promise<number> {
  const orm = await MikroORM.init(ormOptions(parseDatabaseUrl(database.url), 1));
  try {
    const [row] = await rawQuery<{ rows: string | number }>(
      orm.em.fork() as EntityManager,
      'select count(*) as rows from member_tally',
      [],
    );
    return Number(row?.rows);
  } finally {
    await orm.close(true);
  }
}

describe('the member tally after the upgrade that moves it only on a change', () => {
  it('keeps the counts the previous release kept, and a sync that sends the same role appends nothing', async () => {
    const location = parseDatabaseUrl(database.url);
    const postgres = location.dialect === 'postgresql';
    const orm = await MikroORM.init(ormOptions(location));
    let key: string;
    try {
      await orm.getMigrator().up({ to: previousRelease });
      const em = orm.em.fork() as EntityManager;
      const created = await createOrganization(em, `Tally org ${randomUUID()}`);
      key = created.apiKey.key;
      const now = postgres ? new Date() : Date.now();
      const members: [string, string][] = [
        ['a@example.com', 'business'],
        ['b@example.com', 'business'],
        ['c@example.com', 'employee'],
      ];
      for (const [email, role] of members) {
        await rawQuery(
          em,
          `insert into member (id, organization_id, email, name, role, approval_status, created_at, updated_at)
           values (?, ?, ?, ?, ?, 'approved', ?, ?)`,
          [randomUUID(), created.organization.id, email, email, role, now, now],
        );
      }
      // The previous release's trigger: the same role set again appends a -1 and a +1.
      await rawQuery(em, `update member set role = 'business' where email = 'a@example.com'`, []);
    } finally {
      await orm.close(true);
    }
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    expect(server.output()).toContain('Migration20261207010000_member_tally_on_change');

    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const total = async (role: string) => {
      const reply = await fetch(`${server?.url}/members?role=${role}`, { headers });
      expect(reply.status).toBe(200);
      return ((await reply.json()) as { totalCount: number }).totalCount;
    };
    const sync = async (body: object) => {
      const reply = await fetch(`${server?.url}/members/sync`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(reply.status).toBe(200);
    };
    expect([await total('business'), await total('employee')]).toEqual([2, 1]);

    // The counts were read from the tally; now nothing moves it but a change.
    const before = await tallyRows();
    await sync({ email: 'a@example.com', role: 'business', name: 'Renamed' });
    await sync({ email: 'c@example.com', role: 'employee', approvalStatus: 'approved' });
    expect(await tallyRows()).toBe(before);

    await sync({ email: 'b@example.com', role: 'employee' });
    expect(await tallyRows()).toBe(before + 2);
    expect([await total('business'), await total('employee')]).toEqual([1, 2]);
  });
});
