import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123232707_initial } from './Migration20261123232707_initial.js';
import { Migration20261123233803_polar_customers } from './Migration20261123233803_polar_customers.js';

/** Listed statically so migrations run the same from sources (tests) and from dist (production). */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261123232707_initial', class: Migration20261123232707_initial },
  { name: 'Migration20261123233803_polar_customers', class: Migration20261123233803_polar_customers },
];
