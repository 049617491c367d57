import type { EntityManager, Knex } from '@mikro-orm/knex';
import { knexClient } from './knex-client.js';
import { rawQuery, sqliteValues } from './raw-query.js';
import { withLiterals, type Literal } from './transaction-edges.js';

/** A statement with `?` for each of its values. */
export interface Statement {
  sql: string;
  values: readonly Literal[];
}

interface PgClient {
  query(text: string): Promise<unknown>;
  escapeLiteral(text: string): string;
}
interface SqliteConnection {
  prepare(sql: string): { all(values: readonly unknown[]): unknown[]; run(values: readonly unknown[]): unknown };
  transaction(work: () => void): () => void;
}

const rowsOfLast = (result: unknown): unknown[] =>
  ((Array.isArray(result) ? result.at(-1) : result) as { rows: unknown[] }).rows;

/**
 * Statements that commit together, those after the first made from the rows it returned (none: then the first
 * commits alone), at the least cost each database allows a change and its event. In the manager's transaction when
 * it is in one. Else, on PostgreSQL, the first goes with its `BEGIN` and the others with its `COMMIT`: two round trips
 * on a pooled connection, values written into the text (node-postgres's escaping; a query of two statements takes no
 * bound parameters), no session state left for PgBouncer to carry. On SQLite all run at once in better-sqlite3's
 * own transaction: on its one connection nothing can come between them, and no ORM transaction is paid for.
 */
export async function writeTogether<Row>(
  em: EntityManager,
  first: Statement,
  then: (rows: Row[]) => readonly (Statement | null)[],
): Promise<Row[]> {
  const after = (rows: Row[]) => then(rows).filter((statement) => statement !== null);
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) {
    const rows = await rawQuery<Row>(em, first.sql, first.values);
    for (const statement of after(rows)) await rawQuery(em, statement.sql, statement.values);
    return rows;
  }
  const source = knexClient(em.getKnex());
  const connection = await source.acquireConnection();
  try {
    if (source.driverName === 'pg') {
      const client = connection as PgClient;
      try {
        const rows = rowsOfLast(await client.query(`BEGIN; ${withLiterals(client, first.sql, first.values)}`)) as Row[];
        const rest = after(rows).map((statement) => `${withLiterals(client, statement.sql, statement.values)}; `);
        await client.query(`${rest.join('')}COMMIT`);
        return rows;
      } catch (error) {
        // A statement that failed inside a query of two leaves the transaction open and aborted: it ends here,
        // before the connection goes back to the pool (PostgreSQL only warns when there is none to end).
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    const sqlite = connection as SqliteConnection;
    let rows: Row[] = [];
    sqlite.transaction(() => {
      rows = sqlite.prepare(first.sql).all(sqliteValues(first.values)) as Row[];
      for (const statement of after(rows)) sqlite.prepare(statement.sql).run(sqliteValues(statement.values));
    })();
    return rows;
  } finally {
    await source.releaseConnection(connection);
  }
}
