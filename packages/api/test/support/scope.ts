import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@members/db';
import { createOrganization, organizationScope } from '../../src/admin/organizations.js';
import type { RequestScope } from '../../src/request-scope.js';

/** This run's PostgreSQL database (DATABASE_URL=postgres://…), or a new SQLite file. */
export const openTestDatabase = (): Promise<Database> =>
  openDatabase(inject('postgresUrl') ?? `file:${path.join(os.tmpdir(), `members-api-${randomUUID()}.db`)}`, {
    migrate: true,
  });

/**
 * A new organization in `db`, and a way to get a fresh request scope of it (its own unit of work), as a request
 * with its key would: services are called as the procedures call them.
 */
export async function testOrganization(db: Database): Promise<() => Promise<RequestScope>> {
  const { organization } = await createOrganization(db.fork(), `Service test ${randomUUID()}`);
  return () => organizationScope(db, organization.id);
}
