import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { inject } from 'vitest';
import {
  createContextFactory,
  createOrganization,
  createPlan,
  IdempotencyStore,
  issueApiKey,
  organizationScope,
  type PlanSpec,
  type RateLimits,
} from '@members/api';
import type { Scope } from '@members/contracts';
import { openDatabase, type Database } from '@members/db';
import { mountTrpc } from '../../src/index.js';

export interface TrpcServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

/** tRPC alone, as `mountTrpc` serves it in the app, on a real port over this run's database. */
export async function startTrpcServer(options: { limits?: RateLimits } = {}): Promise<TrpcServer> {
  const file = `file:${path.join(os.tmpdir(), `members-trpc-${randomUUID()}.db`)}`;
  const db = await openDatabase(inject('postgresUrl') ?? file, { migrate: true });
  const app = express();
  mountTrpc(app, {
    createContext: createContextFactory({ db, limits: options.limits ?? null }),
    idempotency: new IdempotencyStore(db),
    onFault: (error) => console.error('idempotency key not settled', error),
  });
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

/** A new organization with a key of every scope; `keyWith` issues narrower ones. */
export async function createTenant(db: Database) {
  const { organization, apiKey } = await createOrganization(db.fork(), `tRPC test ${randomUUID()}`);
  return {
    key: apiKey.key,
    keyWith: async (scopes: Scope[]) => (await issueApiKey(db.fork(), organization.id, scopes)).key,
    plan: async (spec: PlanSpec) => createPlan(await organizationScope(db, organization.id), spec),
  };
}
