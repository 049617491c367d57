import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey, IdempotencyStore } from '@members/api';
import { Customer } from '@members/db';
import { request, type Reply } from '../support/http.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTenant, startServer, testDatabaseUrl, type Tenant, type TestServer } from '../support/server.js';
import { closeAfterAll } from '../support/teardown.js';
import { match } from '../support/matchers.js';

let server: TestServer;
let tenant: Tenant;
let serial = 0;
const fresh = () => `idem-${Date.now()}-${serial++}`;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
});
afterAll(() => server.close());

const post = (base: string, path: string, key: string, body: unknown, idempotencyKey: string): Promise<Reply> =>
  request(`${base}${path}`, { bearer: key, body, headers: { 'Idempotency-Key': idempotencyKey } });

const customersNamed = (email: string) => server.db.fork().count(Customer, { email });

describe('Idempotency-Key', () => {
  it('replays the first answer to a retry, without acting again', async () => {
    const key = fresh();
    const body = { type: 'team', email: `${key}@example.com` };
    const first = await post(server.url, '/v1/customers/', tenant.key, body, key);
    const retry = await post(server.url, '/v1/customers/', tenant.key, body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await customersNamed(`${key}@example.com`)).toBe(1);
  });

  it('replays over tRPC too, through the same header', async () => {
    const key = fresh();
    const call = () =>
      fetch(`${server.url}/trpc/customers.create`, {
        method: 'POST',
        headers: { 'x-api-key': tenant.key, 'content-type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ email: `${key}@example.com` }),
      });
    const [first, retry] = [await call(), await call()];
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await customersNamed(`${key}@example.com`)).toBe(1);
  });

  it('refuses the same key with another body or route (422), in each surface’s shape', async () => {
    const key = fresh();
    await post(server.url, '/v1/customers/', tenant.key, { email: `${key}@example.com` }, key);
    const otherBody = await post(server.url, '/v1/customers/', tenant.key, { email: `other-${key}@example.com` }, key);
    expect(otherBody.status).toBe(422);
    expect(otherBody.body).toEqual({
      error: 'RequestValidationError',
      detail: [{ type: 'value_error', loc: ['header', 'idempotency-key'], msg: match.any(String), input: key }],
    });
    const otherRoute = await request(`${server.url}/members/sync`, {
      key: tenant.key,
      body: { email: `${key}@example.com` },
      headers: { 'Idempotency-Key': key },
    });
    expect(otherRoute.status).toBe(422);
    expect(otherRoute.body).toMatchObject({ error: { code: 'idempotency_key_reused' } });
    expect(await customersNamed(`other-${key}@example.com`)).toBe(0);
  });

  it('answers 409 while the first request with the key is still running, then the first answer', async () => {
    const key = fresh();
    const body = { email: `${key}@example.com` };
    // What the first request will answer (a customer, as any create answers), made beforehand: on SQLite the open
    // transaction below holds the server's one connection.
    const answered = await request(`${server.url}/v1/customers/`, {
      bearer: tenant.key,
      body: { email: `a-${key}@x.io` },
    });
    // The first request, as it stands while it runs: its transaction begun, the key claimed in it, and left open.
    const fingerprint = createHash('sha256')
      .update(`POST /v1/customers/\n${JSON.stringify(body)}`)
      .digest('hex');
    const claim = new IdempotencyStore(server.db).claim({ callerHash: hashApiKey(tenant.key), key, fingerprint });
    if (claim.kind !== 'run') throw new Error(`expected to run, got ${claim.kind}`);
    await claim.request.run(() => Promise.resolve(undefined), { alone: true });
    const meanwhile = await post(server.url, '/v1/customers/', tenant.key, body, key);
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body).toEqual({ error: 'Conflict', detail: match.any(String) });
    await claim.request.settle(201, JSON.stringify(answered.body));
    const after = await post(server.url, '/v1/customers/', tenant.key, body, key);
    expect(after.status).toBe(201);
    expect(after.body).toEqual(answered.body);
    expect(await customersNamed(`${key}@example.com`)).toBe(0);
  });

  it('acts once when the same request races itself', async () => {
    const key = fresh();
    const body = { email: `${key}@example.com` };
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => post(server.url, '/v1/customers/', tenant.key, body, key)),
    );
    expect(replies.every((reply) => reply.status === 201 || reply.status === 409)).toBe(true);
    expect(replies.filter((reply) => reply.status === 201 && !reply.headers.get('idempotent-replayed'))).toHaveLength(
      1,
    );
    expect(await customersNamed(`${key}@example.com`)).toBe(1);
  });

  it('keeps keys apart per API key, and refuses a key longer than 255 characters', async () => {
    const key = fresh();
    const other = await tenant.keyWith(['customers:write']);
    const mine = await post(server.url, '/v1/customers/', tenant.key, { email: `${key}@example.com` }, key);
    const theirs = await post(server.url, '/v1/customers/', other, { email: `${key}@example.com` }, key);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect((theirs.body as { id: string }).id).not.toBe((mine.body as { id: string }).id);
    const long = await post(server.url, '/v1/customers/', tenant.key, { email: 'x@example.com' }, 'k'.repeat(256));
    expect(long.status).toBe(422);
  });
});

describe('Idempotency-Key across two server processes on one database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let shared: Tenant;
  let setup: TestServer;

  const onClose = closeAfterAll();
  beforeAll(async () => {
    const databaseUrl = testDatabaseUrl();
    setup = await startServer({ databaseUrl });
    onClose(setup, (s) => s.close());
    shared = await createTenant(setup.db);
    [a, b] = await Promise.all([
      startServerProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }),
      startServerProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }),
    ]);
    onClose(a, (p) => p.stop());
    onClose(b, (p) => p.stop());
  }, 60_000);

  it('replays on one process what the other answered, and acts once when both get it at once', async () => {
    const key = fresh();
    const body = { email: `${key}@example.com` };
    const first = await post(a.url, '/v1/customers/', shared.key, body, key);
    const retry = await post(b.url, '/v1/customers/', shared.key, body, key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);

    const raced = fresh();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(i % 2 ? a.url : b.url, '/v1/customers/', shared.key, { email: `${raced}@example.com` }, raced),
      ),
    );
    const acted = replies.filter((reply) => reply.status === 201 && !reply.headers.get('idempotent-replayed'));
    expect(acted).toHaveLength(1);
    expect(replies.every((reply) => reply.status === 201 || reply.status === 409)).toBe(true);
  });

  // One process serves a SQLite file's requests at a time; on PostgreSQL any number may, and the lock is the word.
  it.runIf((process.env.DATABASE_URL ?? '').startsWith('postgres'))(
    'answers 409 on another process while a transaction holds the key, and that answer once it commits',
    async () => {
      const key = fresh();
      const body = { email: `${key}@example.com` };
      const fingerprint = createHash('sha256')
        .update(`POST /v1/customers/\n${JSON.stringify(body)}`)
        .digest('hex');
      const claim = new IdempotencyStore(setup.db).claim({ callerHash: hashApiKey(shared.key), key, fingerprint });
      if (claim.kind !== 'run') throw new Error(`expected to run, got ${claim.kind}`);
      await claim.request.run(() => Promise.resolve(undefined), { alone: true });
      const meanwhile = await post(a.url, '/v1/customers/', shared.key, body, key);
      expect(meanwhile.status).toBe(409);
      // What the held request answers: a customer, as any create answers.
      const answered = await request(`${a.url}/v1/customers/`, {
        bearer: shared.key,
        body: { email: `a-${key}@x.io` },
      });
      await claim.request.settle(201, JSON.stringify(answered.body));
      const after = await post(b.url, '/v1/customers/', shared.key, body, key);
      expect([after.status, after.body, after.headers.get('idempotent-replayed')]).toEqual([
        201,
        answered.body,
        'true',
      ]);
    },
  );
});
