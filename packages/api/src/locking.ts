import { LockMode, type Database } from '@members/db';

/**
 * The row lock that serializes writers on PostgreSQL. SQLite needs none: the single connection already runs
 * every transaction alone, and SQLite has no FOR UPDATE.
 */
export function writeLock(dialect: Database['dialect']): LockMode | undefined {
  return dialect === 'postgresql' ? LockMode.PESSIMISTIC_WRITE : undefined;
}
