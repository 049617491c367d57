import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createOrganization, createPlan, issueApiKey, organizationScope, type PlanSpec } from '@members/api';
import type { Scope } from '@members/contracts';
import { openDatabase, type Database } from '@members/db';
import { dropDatabase } from '../../../../vitest.database-setup.js';
import { createApp, type AppOptions } from '../../src/app.js';

export interface TestServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

/** This run's database: its own PostgreSQL database, or a new SQLite file for each server. */
export function testDatabaseUrl(): string {
  return inject('postgresUrl') ?? `file:${path.join(os.tmpdir(), `members-test-${randomUUID()}.db`)}`;
}

/**
 * A database for one test file alone: on PostgreSQL a database beside the run's, named by `suffix`, made when first
 * opened and dropped by `drop` (the run's database is shared by files in parallel, whose servers' webhook workers
 * claim any organization's deliveries, and it is already at the newest schema); on SQLite a new file.
 */
export function databaseOfItsOwn(suffix: string): { url: string; drop(): Promise<void> } {
  const postgresUrl = inject('postgresUrl');
  if (!postgresUrl) return { url: testDatabaseUrl(), drop: async () => {} };
  const url = new URL(postgresUrl);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // The server's own URL, not a pooler's: DATABASE_DIRECT_URL in the pooled pass.
    drop: () => dropDatabase(process.env.DATABASE_DIRECT_URL ?? postgresUrl, name),
  };
}

/** The real app on a real port over a real database, as `npm start` runs it. */
export async function startServer(
  options: Omit<AppOptions, 'db'> & { databaseUrl?: string } = {},
): Promise<TestServer> {
  const db = await openDatabase(options.databaseUrl ?? testDatabaseUrl(), { migrate: true });
  const app = createApp({ db, ...options });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

export interface Tenant {
  organizationId: number;
  /** A key with every scope. */
  key: string;
  keyWith(scopes: Scope[]): Promise<string>;
  plan(spec: PlanSpec): Promise<{ id: string; name: string }>;
}

/** A fresh organization, so test files share a database without seeing each other's rows. */
export async function createTenant(db: Database): Promise<Tenant> {
  const { organization, apiKey } = await createOrganization(db.fork(), `Test org ${randomUUID()}`);
  return {
    organizationId: organization.id,
    key: apiKey.key,
    keyWith: async (scopes) => (await issueApiKey(db.fork(), organization.id, scopes)).key,
    plan: async (spec) => createPlan(await organizationScope(db, organization.id), spec),
  };
}
