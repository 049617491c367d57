/**
 * Writes the next migration for both dialects from the entity definitions:
 *   npm run -w @members/db migration:create -- <name>
 * Each dialect is diffed against a scratch database brought up to the latest listed migration, so the new file
 * holds only what changed. Add the new classes to src/migrations/<dialect>/index.ts afterwards.
 *
 * Read the SQLite file before committing it: MikroORM 6's SQLite diff can propose rebuilding tables that did
 * not change (it did for the customers migration); keep only the statements for what really changed.
 */
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions, type DatabaseLocation } from '../config.js';
import { scratchPostgresUrl } from './config.js';

const name = process.argv[2];
if (!name) {
  console.error('usage: migration:create <name>');
  process.exit(2);
}
const locations: DatabaseLocation[] = [
  { dialect: 'sqlite', target: path.join(os.tmpdir(), `members-migrations-${process.pid}.db`) },
  { dialect: 'postgresql', target: scratchPostgresUrl },
];

for (const location of locations) {
  const base = ormOptions(location);
  const orm = await MikroORM.init({
    ...base,
    migrations: {
      ...base.migrations,
      path: path.resolve('src/migrations', location.dialect),
      emit: 'ts',
      snapshot: false,
    },
  });
  await orm.schema.dropSchema({ dropMigrationsTable: true });
  await orm.getMigrator().up();
  const created = await orm.getMigrator().createMigration(undefined, false, false, name);
  console.log(`${location.dialect}: ${created.fileName || 'no changes'}`);
  await orm.close(true);
}
