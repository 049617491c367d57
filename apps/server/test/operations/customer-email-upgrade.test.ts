import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions, parseDatabaseUrl, rawQuery, type EntityManager } from '@members/db';
import { createOrganization } from '@members/api';
import { polar, type PolarValidationBody, type WireCustomer, type WireList } from '../support/polar.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { databaseOfItsOwn } from '../support/server.js';
import { match } from '../support/matchers.js';

/** The last migration before customer emails became unique. */
const previousRelease = 'Migration20261205010000_overview_tallies';
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Its own database, to hold the old schema. */
const database = databaseOfItsOwn('emails');
const databaseUrl = database.url;

let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  await database.drop();
});

interface Duplicates {
  duplicates: { organizationId: number; email: string; customers: { id: string; email: string }[] }[];
}

/** `npm run --silent admin -- customer duplicates --json`, as an operator runs it. */
function duplicates(): Promise<Duplicates> {
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      ['run', '--silent', 'admin', '--', 'customer', 'duplicates', '--json'],
      { cwd: repositoryRoot, env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout) as Duplicates)),
    );
  });
}

describe('customers that shared an email before emails became unique', () => {
  it('are kept, reported at start and by the admin command, and no new one can be made', async () => {
    const location = parseDatabaseUrl(databaseUrl);
    const orm = await MikroORM.init(ormOptions(location));
    let key: string;
    let organizationId: number;
    const ids: Record<string, string> = {};
    try {
      await orm.getMigrator().up({ to: previousRelease });
      const em = orm.em.fork() as EntityManager;
      const created = await createOrganization(em, `Emails org ${randomUUID()}`);
      key = created.apiKey.key;
      organizationId = created.organization.id;
      const postgres = location.dialect === 'postgresql';
      // Made a second apart, so that "oldest" is the order of these lines.
      const rows: [string, string, boolean][] = [
        ['shared-1', 'Shared@Example.com', false],
        ['solo', 'solo@example.com', false],
        ['shared-2', 'shared@example.com', false],
        ['twin-deleted', 'twin@example.com', true],
        ['twin-1', 'twin@example.com', false],
        ['shared-3', 'SHARED@example.com', false],
        ['twin-2', 'twin@example.com', false],
      ];
      for (const [index, [name, email, deleted]] of rows.entries()) {
        ids[name] = await writeOldCustomer(em, postgres, organizationId, { name, email, deleted, second: index });
      }
    } finally {
      await orm.close(true);
    }

    server = await startServerProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
    expect(server.output()).toContain('Migration20261205020000_customer_email_unique');
    // Two of the three "shared" and one of the two live "twin" (the deleted one is not counted): three kept.
    expect(server.output()).toContain('3 customers share an email with an older customer of their organization');

    const groups = (await duplicates()).duplicates;
    expect(groups).toEqual([
      {
        organizationId,
        email: 'Shared@Example.com',
        customers: [ids['shared-1'], ids['shared-2'], ids['shared-3']].map((id) => match.objectContaining({ id })),
      },
      {
        organizationId,
        email: 'twin@example.com',
        customers: [ids['twin-1'], ids['twin-2']].map((id) => match.objectContaining({ id })),
      },
    ]);

    const url = (p: string) => `${server?.url}${p}`;
    // Every kept customer is served and can be changed, its email untouched.
    for (const name of ['shared-1', 'shared-2', 'shared-3', 'twin-1', 'twin-2', 'solo']) {
      expect((await polar.get(url(`/v1/customers/${ids[name]}`), key)).status).toBe(200);
    }
    const listed = await polar.get<WireList<WireCustomer>>(url('/v1/customers/?email=shared@example.com'), key);
    expect(listed.body.pagination.total_count).toBe(3);
    const renamed = await polar.patch<WireCustomer>(url(`/v1/customers/${ids['shared-3']}`), key, {
      name: 'Renamed',
      email: 'SHARED@example.com',
    });
    expect(renamed.status).toBe(200);

    // No new customer may take a shared email, in any case, nor an existing one move onto it.
    const taken = await polar.post<PolarValidationBody>(url('/v1/customers/'), key, { email: 'TWIN@example.com' });
    expect(taken.status).toBe(422);
    expect(taken.body.detail).toEqual([
      expect.objectContaining({
        loc: ['body', 'email'],
        msg: 'A customer with this email address already exists.',
        input: 'TWIN@example.com',
      }),
    ]);
    const moved = await polar.patch<PolarValidationBody>(url(`/v1/customers/${ids.solo}`), key, {
      email: 'twin@example.com',
    });
    expect(moved.status).toBe(422);

    // A kept customer given an email of its own is an ordinary customer: its group is resolved.
    const resolved = await polar.patch(url(`/v1/customers/${ids['twin-2']}`), key, { email: 'twin-2@example.com' });
    expect(resolved.status).toBe(200);
    expect((await duplicates()).duplicates.map((group) => group.email)).toEqual(['Shared@Example.com']);
    // With the oldest of a group gone, the kept ones still hold the email.
    expect((await polar.delete(url(`/v1/customers/${ids['shared-1']}`), key)).status).toBe(204);
    const stillTaken = await polar.post(url('/v1/customers/'), key, { email: 'shared@example.com' });
    expect(stillTaken.status).toBe(422);

    // A restart reports what is left: shared-3 still shares with shared-2.
    await server.stop();
    server = await startServerProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
    expect(server.output()).toContain('1 customer shares an email');
  });
});

/** A customer and its owner member as the previous release wrote them, without the columns this release adds. */
async function writeOldCustomer(
  em: EntityManager,
  postgres: boolean,
  organizationId: number,
  row: { name: string; email: string; deleted: boolean; second: number },
): Promise<string> {
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, row.second));
  const time = postgres ? at : at.getTime();
  const id = randomUUID();
  await rawQuery(
    em,
    `insert into customer (id, organization_id, type, email, name, external_id, metadata, created_at, modified_at, deleted_at)
     values (?, ?, 'individual', ?, ?, null, '{}', ?, null, ?)`,
    [id, organizationId, row.email, row.name, time, row.deleted ? time : null],
  );
  await rawQuery(
    em,
    `insert into customer_member (id, organization_id, customer_id, email, email_key, name, external_id, role,
       created_at, modified_at, deleted_at) values (?, ?, ?, ?, ?, ?, null, 'owner', ?, null, ?)`,
    [randomUUID(), organizationId, id, row.email, row.email.toLowerCase(), row.name, time, row.deleted ? time : null],
  );
  return id;
}
