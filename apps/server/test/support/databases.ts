import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '@members/db';

/** A connection to this run's PostgreSQL server's `postgres` database, for creating and dropping databases. */
async function serverAdmin(postgres: string, work: (execute: (sql: string) => Promise<unknown>) => Promise<void>) {
  const admin = new URL(postgres);
  admin.pathname = '/postgres';
  const orm = await MikroORM.init({
    ...ormOptions({ dialect: 'postgresql', target: admin.toString() }),
    ensureDatabase: false,
  });
  try {
    await work((sql) => orm.em.getConnection().execute(sql));
  } finally {
    await orm.close(true);
  }
}

/**
 * An empty database of the test's own, with no schema: a new PostgreSQL database on this run's server, or a new
 * SQLite file. `drop` removes it (a SQLite file is left in the temporary directory).
 */
export async function scratchDatabase(): Promise<{ url: string; postgres: boolean; drop(): Promise<void> }> {
  const postgres = inject('postgresUrl');
  if (!postgres) {
    return {
      url: `file:${path.join(os.tmpdir(), `members-scratch-${randomUUID()}.db`)}`,
      postgres: false,
      drop: () => Promise.resolve(),
    };
  }
  const name = `members_scratch_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const url = new URL(postgres);
  url.pathname = `/${name}`;
  await serverAdmin(postgres, async (execute) => {
    await execute(`create database ${name}`);
  });
  return {
    url: url.toString(),
    postgres: true,
    drop: () =>
      serverAdmin(postgres, async (execute) => {
        await execute(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
        await execute(`drop database if exists ${name}`);
      }),
  };
}
