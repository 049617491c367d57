import type { EntityManager, Knex } from '@mikro-orm/knex';
import { knexClient } from './knex-client.js';

/** What a raw query needs of pg's client and of better-sqlite3's connection, the two drivers behind knex here. */
interface PgConnection {
  query(text: string, values: readonly unknown[]): Promise<{ rows: unknown[] }>;
}
interface SqliteConnection {
  prepare(sql: string): {
    reader: boolean;
    all(values: readonly unknown[]): unknown[];
    run(values: readonly unknown[]): unknown;
  };
}

type Scalar = string | number | boolean | Date | null;
const isScalar = (value: unknown): value is Scalar =>
  value === null || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value);

/** Each statement's text with `?` numbered as PostgreSQL's `$1`, `$2`, …, made once per text. */
const numbered = new Map<string, string>();
function numberedPlaceholders(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    if (numbered.size < 1000) numbered.set(sql, text);
  }
  return text;
}

/**
 * Hand-written SQL with bound parameters, in the manager's transaction when it is in one. The ORM's `em.execute`
 * first inlines every parameter into the SQL text, which for a statement of a thousand rows costs more than the
 * database takes to run it. `Row` is what the statement returns: the caller's SQL is what vouches for it.
 *
 * The statement goes to the driver on a connection from knex's pool (the transaction's own inside one), not through
 * knex's query builder: building, numbering and logging a raw query cost knex a tenth of a sync's time, for a text
 * that is already SQL. Only what knex would read differently takes its way: a parameter that is a list or an object
 * (knex expands them), knex's `??` and `\?`, and a transaction already ended (knex refuses it in its own words).
 */
export async function rawQuery<Row>(em: EntityManager, sql: string, params: readonly Knex.Value[]): Promise<Row[]> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  const direct = params.every(isScalar) && !sql.includes('??') && !sql.includes('\\?') && !transaction?.isCompleted();
  if (!direct) return viaKnex<Row>(em, sql, params, transaction);
  const source = knexClient(transaction ?? em.getKnex());
  const connection = await source.acquireConnection();
  try {
    if (source.driverName === 'pg') {
      const result = await (connection as PgConnection).query(numberedPlaceholders(sql), params);
      return result.rows as Row[];
    }
    const values = sqliteValues(params);
    const statement = (connection as SqliteConnection).prepare(sql);
    if (!statement.reader) {
      statement.run(values);
      return [];
    }
    return statement.all(values) as Row[];
  } finally {
    await source.releaseConnection(connection);
  }
}

/** better-sqlite3 takes neither dates nor booleans: knex binds them as epoch milliseconds and 0/1. */
export const sqliteValues = (params: readonly unknown[]) =>
  params.map((value) => (value instanceof Date ? value.getTime() : typeof value === 'boolean' ? Number(value) : value));

async function viaKnex<Row>(
  em: EntityManager,
  sql: string,
  params: readonly Knex.Value[],
  transaction: Knex.Transaction | undefined,
): Promise<Row[]> {
  const query = em.getKnex().raw(sql, params);
  if (transaction) query.transacting(transaction);
  const result = (await query) as Row[] | { rows?: Row[] };
  // better-sqlite3 answers the rows (a statement that returns none, what it changed), pg a result that holds them.
  return Array.isArray(result) ? result : (result.rows ?? []);
}

/** A timestamp as a raw query answers it: text from pg (as MikroORM sets it up), epoch milliseconds from SQLite. */
export const rowDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/**
 * Makes a SQLite transaction take the file's write lock now, waiting for another process's writer (busy_timeout),
 * by writing nothing. A transaction that reads first and writes later is refused at once (`SQLITE_BUSY_SNAPSHOT`)
 * when another process wrote in between, so one whose reads decide its writes starts here.
 */
export async function holdSqliteWriteLock(em: EntityManager): Promise<void> {
  await rawQuery(em, 'update organization set id = id where 0 = 1', []);
}
