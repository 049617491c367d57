import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { Database } from './database.js';
import { knexClient } from './knex-client.js';

/** What this needs of node-postgres's client: knex calls `query` with a config and a callback. */
interface PgClient {
  query(config: { text: string; values?: unknown[] }, callback: (error: Error | null, result: unknown) => void): void;
  escapeLiteral(text: string): string;
}

interface PgResult {
  rows: unknown[];
}

/** A value written into a statement's text: what the simple protocol, the only one that takes two statements, needs. */
export type Literal = string | number | Date | null;

/**
 * A PostgreSQL transaction whose first statement goes with its `BEGIN` and whose last goes with its `COMMIT`: two
 * round trips fewer than knex's and the ORM's own transaction, which send each alone. Both statements have their
 * values written into their text (node-postgres's own escaping), since a query of two statements cannot take bound
 * parameters; everything between runs as in any transaction, through `em`. No session state is left behind, so it
 * holds through PgBouncer's transaction pooling.
 */
export interface EdgedTransaction {
  em: EntityManager;
  /** The rows the statement sent with `BEGIN` answered. */
  firstRows: unknown[];
  /** Writes the pending changes of `em`, then sends `last` (with `?` for `values`) and `COMMIT` together. */
  commit(last: string, values: readonly Literal[]): Promise<void>;
  rollback(): Promise<void>;
}

/** `?` in `sql` replaced by `values`, each escaped as a literal. */
export function withLiterals(client: Pick<PgClient, 'escapeLiteral'>, sql: string, values: readonly Literal[]): string {
  let next = 0;
  return sql.replace(/\?/g, () => {
    const value = values[next++];
    if (value === undefined) throw new Error('fewer values than placeholders');
    if (value === null) return 'null';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error('a literal number must be finite');
      return String(value);
    }
    return client.escapeLiteral(value instanceof Date ? value.toISOString() : value);
  });
}

const lastResult = (result: unknown): PgResult => (Array.isArray(result) ? result.at(-1) : result) as PgResult;

/**
 * Begins a transaction on a connection of its own from the pool, sending `first` (with `?` for `values`) with the
 * `BEGIN`. The connection goes back to the pool when the transaction ends either way.
 */
export async function beginWithStatement(
  db: Database,
  first: string,
  values: readonly Literal[],
): Promise<EdgedTransaction> {
  if (db.dialect !== 'postgresql') throw new Error('only PostgreSQL sends two statements as one query');
  const em = db.fork();
  const knex = em.getKnex();
  const pool = knexClient(knex);
  const client = (await pool.acquireConnection()) as PgClient;
  let firstRows: unknown[] = [];
  let last: string | undefined;
  // knex sends exactly `BEGIN;` and `COMMIT;` for a transaction of no isolation level of its own: the statements
  // ride with those; every other query passes as it came.
  const edged = new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
      return (
        config: { text: string; values?: unknown[] },
        callback: (error: Error | null, result: unknown) => void,
      ) => {
        if (config.text === 'BEGIN;') {
          return target.query({ text: `BEGIN; ${withLiterals(target, first, values)}` }, (error, result) => {
            if (!error) firstRows = lastResult(result).rows;
            callback(error, result);
          });
        }
        if (config.text === 'COMMIT;' && last !== undefined) {
          return target.query({ text: `${last}; COMMIT;` }, callback);
        }
        return target.query(config, callback);
      };
    },
  });
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await pool.releaseConnection(client);
  };
  // A statement that failed inside a query of two leaves the transaction aborted, and the COMMIT after it unsent: the
  // connection goes back to the pool only once it is out of it (PostgreSQL only warns when there is none to end).
  const rollbackOnConnection = () =>
    new Promise<void>((resolve) => {
      client.query({ text: 'ROLLBACK' }, () => resolve());
    });
  let transaction: Knex.Transaction;
  try {
    transaction = await knex.transaction({ connection: edged });
  } catch (error) {
    await rollbackOnConnection();
    await release();
    throw error;
  }
  em.setTransactionContext(transaction);
  const end = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      await rollbackOnConnection();
      throw error;
    } finally {
      em.resetTransactionContext();
      await release();
    }
  };
  return {
    em,
    firstRows,
    commit: (statement, statementValues) =>
      end(async () => {
        await em.flush();
        last = withLiterals(client, statement, statementValues);
        // knex's commit resolves even when the COMMIT failed: the failure is its transaction's own promise (as
        // MikroORM reads it too). An answer must never be sent for a commit that did not happen.
        await transaction.commit();
        await transaction.executionPromise;
      }),
    rollback: () =>
      end(async () => {
        if (!transaction.isCompleted()) await transaction.rollback();
      }),
  };
}
