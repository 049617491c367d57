import { ConnectionException } from '@mikro-orm/core';

/** Socket errors and PostgreSQL's "cannot connect now" / "admin shutdown" classes: the server is out of reach. */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
]);

/**
 * Whether an error means the database cannot be reached right now (as opposed to a bad query): callers get 503
 * and may retry; the pool reconnects by itself once the database is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if (cause instanceof ConnectionException) return true;
    const { code, name, message } = cause as Error & { code?: unknown };
    // SQLite's busy family (SQLITE_BUSY_SNAPSHOT among them): another process holds the file; a retry succeeds.
    if (typeof code === 'string' && (unreachableCodes.has(code) || code.startsWith('SQLITE_BUSY'))) return true;
    // pg's and knex's words for a connection that broke mid-request (a transaction whose connection died is
    // reported by knex as already complete).
    if (
      name === 'KnexTimeoutError' ||
      /Connection terminated|connection is closed|not queryable|terminating connection|ECONNREFUSED|Transaction query already complete/i.test(
        message,
      )
    ) {
      return true;
    }
    cause = cause.cause;
  }
  return false;
}
