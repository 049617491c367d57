/**
 * Deployed as operators deploy it: replicas that start at the same moment (a deployment of three, a rolling deploy
 * that brings a migration), on this run's database kind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/core';
import { openDatabase, Organization, ormOptions, parseDatabaseUrl, rawQuery } from '@members/db';
import { scratchDatabase } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

let servers: ServerProcess[] = [];
let drop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  await drop?.();
});

/** Three server processes started at the same instant; each must come up. */
async function startThree(url: string): Promise<ServerProcess[]> {
  const env = { DATABASE_URL: url, WEBHOOK_WORKER: 'off' };
  const started = await Promise.allSettled([1, 2, 3].map(() => startServerProcess(env)));
  servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  expect(failures).toEqual([]);
  for (const server of servers) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  return servers;
}

/** Each migration's name once in the migrations table, and how many there are; the organizations. */
async function recorded(url: string) {
  const db = await openDatabase(url);
  try {
    const migrations = await rawQuery<{ name: string }>(db.fork(), 'select name from mikro_orm_migrations', []);
    const organizations = await db.fork().count(Organization, {});
    return { names: migrations.map((row) => row.name), organizations };
  } finally {
    await db.close();
  }
}

const saying = (processes: ServerProcess[], text: string) =>
  processes.filter((server) => server.output().includes(text)).length;

describe('three server processes started at the same moment', () => {
  it('on a new database: all become ready, the migrations ran once, one first organization', async () => {
    const scratch = await scratchDatabase();
    drop = () => scratch.drop();
    const three = await startThree(scratch.url);
    const { names, organizations } = await recorded(scratch.url);
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
    expect(organizations).toBe(1);
    // One process applied the migrations and made the organization; the others found both done.
    expect(saying(three, 'Applied migrations')).toBe(1);
    expect(saying(three, 'Created organization')).toBe(1);
  }, 90_000);

  it('on a database one migration behind: the migration runs once, and all three serve', async () => {
    const scratch = await scratchDatabase();
    drop = () => scratch.drop();
    const orm = await MikroORM.init(ormOptions(parseDatabaseUrl(scratch.url)));
    // The release before this one: every migration but the last.
    const pending = (await orm.getMigrator().getPendingMigrations()).map((migration) => migration.name);
    const [oneBehind, last] = pending.slice(-2);
    await orm.getMigrator().up({ to: oneBehind });
    await orm.close(true);
    const before = (await recorded(scratch.url)).names.length;

    const three = await startThree(scratch.url);
    const { names, organizations } = await recorded(scratch.url);
    expect(names.length).toBe(before + 1);
    expect(new Set(names).size).toBe(names.length);
    expect(organizations).toBe(1);
    expect(saying(three, `Applied migrations: ${last}`)).toBe(1);
    expect(saying(three, 'Created organization')).toBe(1);
  }, 90_000);
});
