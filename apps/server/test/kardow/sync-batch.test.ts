import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMembersClient } from '@members/client';
import { Member } from '@members/db';
import { request } from '../support/http.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { match } from '../support/matchers.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  await tenant.plan({ name: 'Batch', stripePriceId: 'price_batch' });
});
afterAll(() => server.close());

const batch = (members: unknown[]) =>
  request(`${server.url}/members/sync/batch`, { key: tenant.key, body: { members } });

describe('POST /members/sync/batch', () => {
  it('syncs every valid item, refuses each invalid one on its own, and answers a result per item in order', async () => {
    await request(`${server.url}/members/sync`, { key: tenant.key, body: { email: 'known@example.com' } });
    const reply = await batch([
      { email: 'fresh@example.com', name: 'Fresh', access: { stripePriceId: 'price_batch' } },
      { email: 'not-an-email' },
      { email: 'known@example.com', role: 'business' },
      { email: 'unplanned@example.com', access: { stripePriceId: 'price_none' } },
      { email: 'fresh@example.com', customFields: { second: true } },
      'not even an object',
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: {
        results: [
          { index: 0, status: 201, created: true, member: match.objectContaining({ email: 'fresh@example.com' }) },
          {
            index: 1,
            status: 422,
            error: {
              code: 'validation_failed',
              message: match.any(String),
              issues: [{ path: ['email'], message: match.any(String) }],
            },
          },
          { index: 2, status: 200, created: false, member: match.objectContaining({ role: 'business' }) },
          { index: 3, status: 422, error: match.objectContaining({ code: 'unknown_plan' }) },
          {
            index: 4,
            status: 200,
            created: false,
            member: match.objectContaining({ name: 'Fresh', customFields: { second: true } }),
          },
          { index: 5, status: 422, error: match.objectContaining({ code: 'validation_failed' }) },
        ],
        created: 1,
        updated: 2,
        failed: 3,
      },
    });
    // The refused items left nothing behind.
    expect(await server.db.fork().count(Member, { email: 'unplanned@example.com' })).toBe(0);
  });

  it('takes 1 to 1,000 members, no more and no fewer', async () => {
    expect((await batch([])).status).toBe(422);
    const tooMany = await batch(Array.from({ length: 1001 }, (_, i) => ({ email: `m${i}@example.com` })));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ error: { code: 'validation_failed', issues: [{ path: ['members'] }] } });
    const thousand = await batch(Array.from({ length: 1000 }, (_, i) => ({ email: `thousand-${i}@example.com` })));
    expect(thousand.body).toMatchObject({ data: { created: 1000, updated: 0, failed: 0 } });
  });

  it('is the same procedure over tRPC', async () => {
    const client = createMembersClient({ url: server.url, apiKey: tenant.key });
    const result = await client.members.syncBatch.mutate({
      members: [{ email: 'trpc-batch@example.com' }, { email: 'bad' }],
    });
    expect(result).toMatchObject({ created: 1, failed: 1, results: [{ status: 201 }, { status: 422 }] });
  });
});
