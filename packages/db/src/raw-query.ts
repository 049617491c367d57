import type { EntityManager, Knex } from '@mikro-orm/knex';

/**
 * Hand-written SQL with bound parameters, in the manager's transaction when it is in one. The ORM's `em.execute`
 * first inlines every parameter into the SQL text, which for a statement of a thousand rows costs more than the
 * database takes to run it. `Row` is what the statement returns: the caller's SQL is what vouches for it.
 */
export async function rawQuery<Row>(em: EntityManager, sql: string, params: readonly Knex.Value[]): Promise<Row[]> {
  const query = em.getKnex().raw(sql, params);
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) query.transacting(transaction);
  const result: Row[] | { rows: Row[] } = await query;
  // better-sqlite3 answers the rows, pg a result that holds them.
  return Array.isArray(result) ? result : result.rows;
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
