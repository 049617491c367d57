import type { TestProject } from 'vitest/node';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions, openDatabase, parseDatabaseUrl } from '@members/db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of this run's own fresh database, or null when the run uses SQLite files. */
    postgresUrl: string | null;
  }
}

/**
 * With DATABASE_URL=postgres://…, the run gets a database of its own on that server, made here, migrated once
 * (so test files never race to migrate) and dropped at the end. Without it, every test file uses its own
 * SQLite file. With DATABASE_DIRECT_URL too (the pooled pass: DATABASE_URL is a transaction pooler in front of that
 * server), the database is made and dropped directly, and the tests reach it through the pooler.
 */
export default async function setup(project: TestProject) {
  const location = parseDatabaseUrl(process.env.DATABASE_URL);
  if (location.dialect !== 'postgresql') {
    project.provide('postgresUrl', null);
    return;
  }
  const direct = process.env.DATABASE_DIRECT_URL;
  const server = new URL(direct ?? location.target);
  const name = `members_test_${Date.now()}_${process.pid}`;
  const url = new URL(location.target);
  url.pathname = `/${name}`;
  const directUrl = new URL(server);
  directUrl.pathname = `/${name}`;
  const db = await openDatabase(directUrl.toString(), { migrate: true });
  await db.close();
  project.provide('postgresUrl', url.toString());

  return () => dropDatabase(server, name);
}

/**
 * Drops a database of the server `server` names, directly (never through a pooler), ending first the idle
 * connections a pooler keeps to it, which would stop the drop. The run's database at the end, and the databases
 * test files make for themselves (`databaseOfItsOwn`).
 */
export async function dropDatabase(server: URL | string, name: string): Promise<void> {
  const admin = new URL(server);
  admin.pathname = '/postgres';
  const orm = await MikroORM.init({
    ...ormOptions({ dialect: 'postgresql', target: admin.toString() }),
    ensureDatabase: false,
  });
  try {
    await orm.em
      .getConnection()
      .execute(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    await orm.schema.dropDatabase(name);
  } finally {
    await orm.close(true);
  }
}
