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
 * SQLite file.
 */
export default async function setup(project: TestProject) {
  const location = parseDatabaseUrl(process.env.DATABASE_URL);
  if (location.dialect !== 'postgresql') {
    project.provide('postgresUrl', null);
    return;
  }
  const url = new URL(location.target);
  const name = `members_test_${Date.now()}_${process.pid}`;
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString(), { migrate: true });
  await db.close();
  project.provide('postgresUrl', url.toString());

  return async () => {
    const admin = new URL(location.target);
    admin.pathname = '/postgres';
    const orm = await MikroORM.init({
      ...ormOptions({ dialect: 'postgresql', target: admin.toString() }),
      ensureDatabase: false,
    });
    await orm.schema.dropDatabase(name);
    await orm.close(true);
  };
}
