import { RateLimits } from '@members/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '@members/api';
import { ApiKey } from '@members/db';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { lookup, syncFailing } from '../support/kardow.js';
import { request } from '../support/http.js';
import { match } from '../support/matchers.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
});
afterAll(() => server.close());

describe('API keys on the Kardow surface', () => {
  it('accepts the same key as x-api-key and as Authorization: Bearer', async () => {
    const viaHeader = await request(`${server.url}/members/sync`, {
      key: tenant.key,
      body: { email: 'both@example.com' },
    });
    expect(viaHeader.status).toBe(201);
    const viaBearer = await request(`${server.url}/members/sync`, {
      bearer: tenant.key,
      body: { email: 'both@example.com' },
    });
    expect(viaBearer.status).toBe(200);
  });

  it('answers 401 without a key, with an unknown key, and with a revoked key', async () => {
    const none = await syncFailing(server.url, null, { email: 'a@example.com' });
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'unauthorized', issues: [] });
    expect((await syncFailing(server.url, 'mk_not-a-real-key', { email: 'a@example.com' })).status).toBe(401);

    const doomed = await tenant.keyWith(['members:write']);
    expect(
      (await request(`${server.url}/members/sync`, { key: doomed, body: { email: 'a@example.com' } })).status,
    ).toBe(201);
    const em = server.db.fork();
    const stored = await em.find(ApiKey, { organization: tenant.organizationId });
    for (const key of stored.filter((k) => k.scopes.length === 1)) await revokeApiKey(server.db, key.id);
    expect((await syncFailing(server.url, doomed, { email: 'a@example.com' })).status).toBe(401);
  });

  it('checks authentication before the body, so an anonymous caller learns nothing of validation', async () => {
    expect((await syncFailing(server.url, null, { email: 'not-an-email' })).status).toBe(401);
  });

  it('answers 403 to a key lacking the scope; a write scope also reads', async () => {
    const readOnly = await tenant.keyWith(['members:read']);
    const denied = await syncFailing(server.url, readOnly, { email: 'reader@example.com' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect((await lookup(server.url, tenant.key, 'reader@example.com')).status).toBe(404);

    const writer = await tenant.keyWith(['members:write']);
    await request(`${server.url}/members/sync`, { key: writer, body: { email: 'reader@example.com' } });
    expect((await lookup(server.url, readOnly, 'reader@example.com')).status).toBe(200);
    expect((await lookup(server.url, writer, 'reader@example.com')).status).toBe(200);

    const customersOnly = await tenant.keyWith(['customers:read']);
    expect((await lookup(server.url, customersOnly, 'reader@example.com')).status).toBe(403);
  });
});

describe('rate limit', () => {
  let limited: TestServer;
  let own: Tenant;
  beforeAll(async () => {
    limited = await startServer({
      limits: new RateLimits({ key: { points: 2, windowSeconds: 2 }, address: { points: 100, windowSeconds: 1 } }),
    });
    own = await createTenant(limited.db);
  });
  afterAll(() => limited.close());

  /** Spends a fresh key's burst of two, and returns what the third call answered. */
  async function third(send: (key: string) => Promise<Response>) {
    const key = await own.keyWith(['members:read', 'members:write']);
    const statuses = [(await send(key)).status, (await send(key)).status];
    expect(statuses.every((status) => status !== 429)).toBe(true);
    return send(key);
  }

  it('answers 429 with Retry-After on the Kardow surface once a key spends its burst', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const reply = await syncFailing(limited.url, own.key, { email: 'limited@example.com' });
      statuses.push(reply.status);
      if (reply.status === 429) {
        retryAfter = reply.headers.get('retry-after');
        expect(reply.body.error.code).toBe('rate_limited');
      }
    }
    expect(statuses).toEqual([201, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it("answers 429 in Polar's body on the Polar surface", async () => {
    const reply = await third((key) =>
      fetch(`${limited.url}/v1/members/`, { headers: { authorization: `Bearer ${key}` } }),
    );
    expect(reply.status).toBe(429);
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await reply.json()).toEqual({ error: 'TooManyRequests', detail: match.any(String) });
  });

  it('answers 429 with Retry-After on /trpc', async () => {
    const input = encodeURIComponent(JSON.stringify({ lookup: 'nobody@example.com' }));
    const reply = await third((key) =>
      fetch(`${limited.url}/trpc/members.lookup?input=${input}`, { headers: { 'x-api-key': key } }),
    );
    expect(reply.status).toBe(429);
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
