import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AbstractSqlConnection } from '@mikro-orm/knex';
import type { Database } from './database.js';
import { knexClient } from './knex-client.js';

/** better-sqlite3's connection, as far as a backup needs it. */
interface SqliteConnection {
  backup(file: string, options: { progress: () => number }): Promise<unknown>;
}
const isSqliteConnection = (value: unknown): value is SqliteConnection =>
  typeof value === 'object' && value !== null && typeof (value as { backup?: unknown }).backup === 'function';

/** Every page in one step: the copy is one snapshot, never restarted by a server writing meanwhile. */
const allPages = 0x7fffffff;

/**
 * A consistent copy of a SQLite database into `file`, while other processes (the server) read and write it:
 * SQLite's online backup API, through better-sqlite3, in a single step, so the copy is the database as of one
 * instant (WAL lets the writers go on meanwhile). Returns the copy's size in bytes.
 */
export async function backupSqlite(db: Database, file: string): Promise<{ path: string; bytes: number }> {
  if (db.dialect !== 'sqlite') throw new Error('backupSqlite is for SQLite');
  const connection = db.orm.em.getConnection();
  if (!(connection instanceof AbstractSqlConnection)) throw new Error('no SQL connection to back up');
  const client = knexClient(connection.getKnex());
  const handle: unknown = await client.acquireConnection();
  try {
    if (!isSqliteConnection(handle)) throw new Error('the SQLite connection cannot make backups');
    const target = path.resolve(file);
    await mkdir(path.dirname(target), { recursive: true });
    await handle.backup(target, { progress: () => allPages });
    return { path: target, bytes: (await stat(target)).size };
  } finally {
    await client.releaseConnection(handle);
  }
}
