import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member, openDatabase, type Database } from '@members/db';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTenant, testDatabaseUrl, type Tenant } from '../support/server.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let databaseUrl: string;
let db: Database;
let tenant: Tenant;

beforeAll(async () => {
  databaseUrl = testDatabaseUrl();
  db = await openDatabase(databaseUrl, { migrate: true });
  tenant = await createTenant(db);
});
afterAll(() => db.close());

interface Outcome {
  email: string;
  status: number | null;
  error?: string;
}

/** Callers on keep-alive connections, each sending its next sync as soon as the last is answered, until refused. */
function keepAliveLoad(url: string, key: string, callers: number, sentAfter: () => boolean) {
  const outcomes: Outcome[] = [];
  let serial = 0;
  const caller = async () => {
    for (;;) {
      const email = `shutdown-${serial++}@example.com`;
      try {
        const reply = await fetch(`${url}/members/sync`, {
          method: 'POST',
          headers: { 'x-api-key': key, 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
        });
        await reply.arrayBuffer();
        outcomes.push({ email, status: reply.status });
      } catch (error) {
        outcomes.push({ email, status: null, error: String((error as Error).cause ?? error) });
        if (sentAfter()) return;
      }
    }
  };
  return { outcomes, done: Promise.all(Array.from({ length: callers }, caller)) };
}

describe('SIGTERM under keep-alive load', () => {
  let server: ServerProcess;

  it('stops taking requests, answers those in flight, closes the database and exits 0', async () => {
    server = await startServerProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', RATE_LIMIT_PER_SECOND: '0' });
    let signalled = false;
    const load = keepAliveLoad(server.url, tenant.key, 16, () => signalled);
    await new Promise((resolve) => setTimeout(resolve, 800));
    signalled = true;
    const started = Date.now();
    const code = await server.stop('SIGTERM');
    await load.done;

    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const answered = load.outcomes.filter((outcome) => outcome.status !== null);
    expect(answered.length).toBeGreaterThan(16);
    expect(answered.filter((outcome) => outcome.status! >= 300)).toEqual([]);
    // Every request the server acknowledged is in the database.
    const stored = await db.fork().find(Member, { email: { $in: answered.map((outcome) => outcome.email) } });
    expect(stored).toHaveLength(answered.length);
  });
});

describe('SIGTERM to npm start', () => {
  it('reaches the server, which exits 0, and npm with it', async () => {
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: repository,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    for (let waited = 0; !/Members service on (http:\/\/\S+)/.test(output); waited += 100) {
      if (waited > 60_000) throw new Error(`npm start did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const url = /Members service on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    npm.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Nothing is left listening: the node process ended too, rather than being orphaned.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 90_000);
});
