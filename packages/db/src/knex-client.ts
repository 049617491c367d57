import type { Knex } from '@mikro-orm/knex';

/**
 * knex's client, which knex types as `any`, as far as this package uses it: handing out and taking back a driver
 * connection (a transaction's client hands out its own, and keeps it) and its tarn pool's counts.
 */
export interface KnexClient {
  driverName: string;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
  pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number };
}

export function knexClient(knex: Knex | Knex.Transaction): KnexClient {
  return knex.client as KnexClient;
}
