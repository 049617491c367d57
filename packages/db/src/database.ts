import { MikroORM } from '@mikro-orm/core';
import { AbstractSqlConnection, type EntityManager } from '@mikro-orm/knex';
import { ormOptions, parseDatabaseUrl, type DatabaseLocation, type Dialect } from './config.js';
import { migrateSqlite, migrateUnderLock } from './migrate.js';
import { listenToChannel, type ChannelListener } from './notifications.js';
import { knexClient } from './knex-client.js';

/** The open database: the ORM, which dialect it speaks, and a way to get a fresh unit of work. */
export interface Database {
  readonly orm: MikroORM;
  readonly dialect: Dialect;
  /** Names of the migrations this open applied (empty when the schema was current). */
  readonly appliedMigrations: string[];
  /** A fresh EntityManager: one per request, command or batch. */
  fork(): EntityManager;
  /**
   * Calls `onNotification` whenever a transaction that notified `channel` commits (PostgreSQL's LISTEN/NOTIFY); null
   * where the database cannot say so (SQLite), and the caller polls.
   */
  listen(channel: string, onNotification: () => void, onError: (error: unknown) => void): ChannelListener | null;
  /** The connection pool now: connections in use, idle, and requests waiting for one. */
  poolStats(): { used: number; free: number; waiting: number };
  /** True when a query reaches the database. */
  isReachable(): Promise<boolean>;
  /**
   * After an erasure: SQLite keeps earlier versions of the pages it changed in its write-ahead log until a checkpoint
   * copies the newest into the file, so the log is checkpointed and emptied, leaving the erased bytes in neither file
   * (the connection zeroes what is deleted: `secure_delete`). Runs once the connection is free (after the erasing
   * transaction commits, which may be a request's own that has not yet); never awaited inside a transaction. Nothing
   * to do on PostgreSQL, whose rows leave a dump once deleted.
   */
  checkpointErasure(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations before returning (the server and the admin command do). */
  migrate?: boolean;
  /** Most PostgreSQL connections this handle opens (SQLite always has one). */
  poolSize?: number;
  /**
   * `DATABASE_DIRECT_URL`: PostgreSQL reached without a transaction pooler, for what needs a session of its own
   * (migrations under their lock, LISTEN). Unset, `url` serves for those too.
   */
  directUrl?: string | undefined;
}

export async function openDatabase(url: string | undefined, options: OpenOptions = {}): Promise<Database> {
  const location: DatabaseLocation = parseDatabaseUrl(url);
  const orm = await MikroORM.init(ormOptions(location, options.poolSize));
  if (location.dialect === 'sqlite') {
    // WAL lets the admin command write while the server reads; the busy timeout makes them wait, not fail.
    const connection = orm.em.getConnection();
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma busy_timeout = 5000');
  }
  // Silent: the admin command's stdout carries exactly one JSON object; callers report what was applied.
  const applied = !options.migrate
    ? []
    : location.dialect === 'postgresql'
      ? await migrateUnderLock(orm, options.directUrl)
      : await migrateSqlite(orm);
  const listenUrl = options.directUrl ?? location.target;
  let checkpoint: Promise<void> | undefined;
  return {
    appliedMigrations: applied,
    orm,
    dialect: location.dialect,
    fork: () => orm.em.fork() as EntityManager,
    listen: (channel, onNotification, onError) =>
      location.dialect === 'postgresql' ? listenToChannel(listenUrl, channel, onNotification, onError) : null,
    poolStats: () => {
      const connection = orm.em.getConnection();
      const pool = connection instanceof AbstractSqlConnection ? knexClient(connection.getKnex()).pool : undefined;
      return {
        used: pool?.numUsed() ?? 0,
        free: pool?.numFree() ?? 0,
        waiting: pool?.numPendingAcquires() ?? 0,
      };
    },
    isReachable: async () => (await orm.checkConnection()).ok,
    checkpointErasure: () => {
      if (location.dialect !== 'sqlite') return Promise.resolve();
      // Erasures that come together share one checkpoint, begun once the current turn's work has been queued.
      checkpoint ??= Promise.resolve().then(async () => {
        checkpoint = undefined;
        await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
      });
      return checkpoint;
    },
    close: () => orm.close(true),
  };
}
