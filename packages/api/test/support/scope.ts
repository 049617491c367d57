import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database } from '@members/db';
import { createOrganization, organizationScope } from '../../src/admin/organizations.js';
import { DomainError } from '../../src/errors.js';
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

/** A database and an organization for one file's tests, opened before them and closed after. */
export function serviceTestSetup() {
  const setup = {} as { db: Database; scope: () => Promise<RequestScope> };
  beforeAll(async () => {
    setup.db = await openTestDatabase();
    setup.scope = await testOrganization(setup.db);
  });
  afterAll(() => setup.db.close());
  return setup;
}

/** The code a service refused with, or null when it did not refuse. */
export const refusalOf = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? error.code : error),
  );
