export * from './entities/index.js';
export { parseDatabaseUrl, ormOptions, type Dialect, type DatabaseLocation } from './config.js';
export { openDatabase, type Database, type OpenOptions } from './database.js';
export {
  DriverException,
  UniqueConstraintViolationException,
  LockMode,
  type FilterQuery,
  type Loaded,
} from '@mikro-orm/core';
export type { EntityManager } from '@mikro-orm/knex';
export { isDatabaseUnavailable } from './unavailable.js';
export { holdSqliteWriteLock, rawQuery, rowDate } from './raw-query.js';
export { beginWithStatement, type EdgedTransaction, type Literal } from './transaction-edges.js';
export { writeTogether, type Statement } from './write-together.js';
export type { ChannelListener } from './notifications.js';
export { backupSqlite } from './backup.js';
