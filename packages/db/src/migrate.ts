import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { ormOptions } from './config.js';

/** One number for every process of this service: whoever holds it migrates, the others wait for it. */
const migrationLock = "hashtext('members-service migrations')";

/**
 * Applies pending migrations, one process at a time. On PostgreSQL the processes that start together (replicas, a
 * rolling deploy) queue on an advisory lock held by a transaction on a connection of its own, and the migrations run
 * meanwhile (on `directUrl` when set); each waiter then finds nothing left to do. A transaction's lock, not a
 * session's: through a transaction pooler a session lock would stay with whichever server connection took it, and
 * a lock-holder that dies releases it with its connection either way. Returns the migrations this process applied.
 */
export async function migrateUnderLock(orm: MikroORM, directUrl: string | undefined): Promise<string[]> {
  const lock = new pg.Client({ connectionString: directUrl ?? orm.config.getClientUrl() });
  await lock.connect().catch((error: unknown) => {
    // Say which of the two URLs could not be reached.
    throw directUrl
      ? new Error(`DATABASE_DIRECT_URL: ${error instanceof Error ? error.message : String(error)}`)
      : error;
  });
  try {
    await lock.query('begin');
    await lock.query(`select pg_advisory_xact_lock(${migrationLock})`);
    const migrator = directUrl
      ? await MikroORM.init({ ...ormOptions({ dialect: 'postgresql', target: directUrl }, 1), ensureDatabase: false })
      : orm;
    try {
      return (await migrator.getMigrator().up()).map((migration) => migration.name);
    } finally {
      if (migrator !== orm) await migrator.close(true);
    }
  } finally {
    // Ending the transaction releases the lock; ending the connection would too.
    await lock.query('commit').catch(() => undefined);
    await lock.end();
  }
}

/**
 * SQLite: two processes on one file (the server and an admin command) may both find a migration pending; the one
 * that loses the race for the write lock fails its transaction, which rolls back whole. It tries again, and then
 * finds the other's migrations applied.
 */
export async function migrateSqlite(orm: MikroORM): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await orm.getMigrator().up()).map((migration) => migration.name);
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
