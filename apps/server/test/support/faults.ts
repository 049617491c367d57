import { randomUUID } from 'node:crypto';
import { createOrganization } from '@members/api';
import { openDatabase, rawQuery, type Database } from '@members/db';
import { scratchDatabase } from './databases.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/**
 * A database of the fault case's own, migrated and with one organization (`key` is its API key), so that killing its
 * connections or its server touches no other test file.
 */
export async function faultDatabase(): Promise<{ url: string; db: Database; key: string; drop(): Promise<void> }> {
  const scratch = await scratchDatabase();
  const db = await openDatabase(scratch.url, { migrate: true });
  const key = (await createOrganization(db.fork(), 'Faults')).apiKey.key;
  return {
    url: scratch.url,
    db,
    key,
    async drop() {
      await db.close();
      await scratch.drop();
    },
  };
}

/** Terminates every other connection to the database `db` is on, as an operator's pg_terminate_backend would. */
export async function terminateConnections(db: Database): Promise<number> {
  const em = db.fork();
  // Chosen first: in one statement, nothing orders the test of the pid before the call that would end this session.
  const others = await rawQuery<{ pid: number }>(
    em,
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    [],
  );
  for (const { pid } of others) {
    // Through a transaction pooler this statement may run on one of the connections it ends: that is the fault too.
    await rawQuery(em, 'select pg_terminate_backend(?)', [pid]).catch(() => undefined);
  }
  return others.length;
}

/** A sync as a client sends it in the fault cases: custom fields, an invoice payment (no Stripe id), its own key. */
export interface SentSync {
  email: string;
  idempotencyKey: string;
  body: { email: string; customFields: { run: string; serial: number }; payment: Record<string, unknown> };
}

export function syncRequest(run: string, serial: number): SentSync {
  const email = `${run}-${serial}@faults.example`;
  return {
    email,
    idempotencyKey: randomUUID(),
    body: {
      email,
      customFields: { run, serial },
      payment: { jobId: randomUUID(), amount: serial + 0.5, currency: 'eur', paymentProvider: 'invoice' },
    },
  };
}

export interface Answer {
  status: number;
  replayed: boolean;
  retryAfter: string | null;
  body: unknown;
}

/** Sends one sync; null when no answer came (the connection was refused or cut). */
export async function send(baseUrl: string, apiKey: string, sent: SentSync): Promise<Answer | null> {
  try {
    const reply = await fetch(`${baseUrl}/members/sync`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json', 'idempotency-key': sent.idempotencyKey },
      body: JSON.stringify(sent.body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await reply.text();
    return {
      status: reply.status,
      replayed: reply.headers.get('idempotent-replayed') === 'true',
      retryAfter: reply.headers.get('retry-after'),
      body: text ? (JSON.parse(text) as unknown) : null,
    };
  } catch {
    return null;
  }
}

/**
 * Clients sending syncs to `server()` until told to stop, each retrying a request that got no answer (or a 5xx, or
 * 409 while its key is held) with the same key until it is answered, as Stripe's clients do. `stop` lets each finish
 * the request it is on.
 */
export function syncLoad(server: () => string, apiKey: string, run: string, clients = 4) {
  const acknowledged = new Map<string, SentSync>();
  const retried = new Set<string>();
  const statuses: number[] = [];
  /** Answers of 500 and over, with their headers. */
  const faults: Answer[] = [];
  const state = { serial: 0, running: true, lastInUse: 0 };
  const loops = Array.from({ length: clients }, async () => {
    while (state.running) {
      const sent = syncRequest(run, state.serial++);
      for (;;) {
        const answer = await send(server(), apiKey, sent);
        if (answer) statuses.push(answer.status);
        if (answer && answer.status >= 500) faults.push(answer);
        if (answer && answer.status < 500 && answer.status !== 409) break;
        retried.add(sent.email);
        if (answer?.status === 409) state.lastInUse = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      acknowledged.set(sent.email, sent);
    }
  });
  return {
    acknowledged,
    retried,
    statuses,
    faults,
    get sent() {
      return state.serial;
    },
    /** When a retry was last refused with 409 (0: never). */
    get lastInUse() {
      return state.lastInUse;
    },
    async stop() {
      state.running = false;
      await Promise.all(loops);
    },
  };
}

/** Waits until `condition` holds, checking every 25 ms, up to `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Kills the server as the kernel's OOM killer would, and waits until it is gone. */
export async function killHard(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

export const restart = (env: Record<string, string>) => startServerProcess({ LOG_LEVEL: 'silent', ...env });
