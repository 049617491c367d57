import path from 'node:path';
import type { Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import * as entities from './entities/index.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { cachePreparedStatements } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgresql';

export interface DatabaseLocation {
  dialect: Dialect;
  /** A PostgreSQL connection URL, or a SQLite file path. */
  target: string;
}

/** The embedded default: a SQLite file under ./data/ of the directory the process was started in. */
export const defaultSqlitePath = path.join('data', 'members.db');

/**
 * Reads DATABASE_URL as the README documents it: unset is the embedded SQLite file, `postgres://` or `postgresql://`
 * is PostgreSQL, `file:PATH` is SQLite at PATH. Anything else is refused rather than guessed.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseLocation {
  if (url === undefined || url.trim() === '') return { dialect: 'sqlite', target: defaultSqlitePath };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgresql', target: url };
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new Error('DATABASE_URL=file: needs a path, e.g. file:./data/members.db');
    return { dialect: 'sqlite', target: file };
  }
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url.split(':')[0]}:…")`);
}

type SqliteConnection = Parameters<typeof cachePreparedStatements>[0] & { pragma(source: string): unknown };

export function ormOptions(location: DatabaseLocation, poolSize = 10): Options {
  const common = {
    entities: Object.values(entities),
    extensions: [Migrator],
    // Every request and command works in its own fork; touching the global context is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
  } satisfies Options;
  if (location.dialect === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: location.target,
      pool: { min: 0, max: poolSize },
      migrations: { migrationsList: postgresqlMigrations, transactional: true, allOrNothing: true, silent: true },
    };
  }
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: location.target,
    // One connection: SQLite has one writer, and a single connection makes every transaction run alone.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (connection: SqliteConnection, done: (error: null) => void) => {
        // What a transaction deletes or overwrites is zeroed in the file, not left in its free space (erasure).
        connection.pragma('secure_delete = on');
        cachePreparedStatements(connection);
        done(null);
      },
    },
    migrations: { migrationsList: sqliteMigrations, transactional: true, allOrNothing: true, silent: true },
  };
}
