import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMembersClient } from '@members/client';
import type { KardowErrorBody, MemberList } from '@members/contracts';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { request, type Reply } from '../support/http.js';
import { sync } from '../support/kardow.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
});
afterAll(() => server.close());

function list(query: string, key = tenant.key): Promise<Reply<MemberList & KardowErrorBody>> {
  return request(`${server.url}/members${query}`, { key });
}

async function syncBatch(key: string, members: object[]) {
  const reply = await request(`${server.url}/members/sync/batch`, { key, body: { members } });
  expect(reply.status).toBe(200);
}

describe('GET /members', () => {
  it('pages through 1,000 members while others are inserted, without a duplicate or a gap', async () => {
    const paged = await createTenant(server.db);
    const emails = Array.from({ length: 1000 }, (_, i) => `paged-${String(i).padStart(4, '0')}@example.com`);
    // Two batches: within one, members share a creation time, so the order falls back to the id.
    await syncBatch(
      paged.key,
      emails.slice(0, 500).map((email) => ({ email })),
    );
    await syncBatch(
      paged.key,
      emails.slice(500).map((email) => ({ email })),
    );

    const writing = { on: true };
    let inserted = 0;
    const writer = (async () => {
      while (writing.on) {
        await sync(server.url, paged.key, { email: `arriving-${inserted++}@example.com` });
      }
    })();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    try {
      do {
        const reply: Reply<MemberList & KardowErrorBody> = await list(
          `?limit=37${cursor ? `&cursor=${cursor}` : ''}`,
          paged.key,
        );
        expect(reply.status).toBe(200);
        seen.push(...reply.body.data.map((member) => member.email));
        cursor = reply.body.nextCursor;
        pages++;
      } while (cursor);
    } finally {
      writing.on = false;
      await writer;
    }
    expect(inserted).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    const original = seen.filter((email) => email.startsWith('paged-'));
    expect(original.sort()).toEqual(emails);
    expect(pages).toBeGreaterThanOrEqual(28);
    // Newest first: the second batch before the first.
    expect(seen.indexOf('paged-0999@example.com')).toBeLessThan(seen.indexOf('paged-0000@example.com'));
    const total = await list('?limit=1', paged.key);
    expect(total.body.totalCount).toBe(1000 + inserted);
  });

  it('searches email or name, filters by role and approval, and counts what matches', async () => {
    const own = await createTenant(server.db);
    await syncBatch(own.key, [
      { email: 'ada@lovelace.dev', name: 'Ada Lovelace', role: 'employer' },
      { email: 'grace@navy.mil', name: 'Grace Hopper', role: 'employee', approvalStatus: 'pending' },
      { email: 'alan@bletchley.uk', name: 'Alan Turing', role: 'employee' },
      { email: 'odd@example.com', name: 'Odd 100%_Chars' },
    ]);
    const emailsOf = (reply: Reply<MemberList>) => reply.body.data.map((member) => member.email).sort();
    const byName = await list('?q=LOVE', own.key);
    expect(emailsOf(byName)).toEqual(['ada@lovelace.dev']);
    expect(byName.body).toMatchObject({ totalCount: 1, nextCursor: null });
    expect(emailsOf(await list('?q=navy.mil', own.key))).toEqual(['grace@navy.mil']);
    // % and _ are searched for, not wildcards.
    expect(emailsOf(await list(`?q=${encodeURIComponent('%_')}`, own.key))).toEqual(['odd@example.com']);
    const employees = await list('?role=employee', own.key);
    expect(emailsOf(employees)).toEqual(['alan@bletchley.uk', 'grace@navy.mil', 'odd@example.com']);
    expect(employees.body.totalCount).toBe(3);
    const pending = await list('?role=employee&approvalStatus=pending', own.key);
    expect(pending.body).toMatchObject({
      totalCount: 1,
      data: [{ email: 'grace@navy.mil', approvalStatus: 'pending' }],
    });
    // An empty search is no search.
    expect((await list('?q=', own.key)).body.totalCount).toBe(4);
    // A member changing role moves between the counts.
    await sync(server.url, own.key, { email: 'ada@lovelace.dev', role: 'employee' });
    expect((await list('?role=employee', own.key)).body.totalCount).toBe(4);
    await request(`${server.url}/members/access`, {
      key: own.key,
      body: { email: 'alan@bletchley.uk', action: 'delete_member' },
    });
    expect((await list('', own.key)).body.totalCount).toBe(3);
  });

  it('refuses a bad limit, cursor or filter with 422 and every issue, a missing key with 401', async () => {
    const refused = await list('?limit=101&cursor=nope&role=captain');
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['cursor', 'limit', 'role']);
    expect((await list('?limit=0')).status).toBe(422);
    expect((await request(`${server.url}/members`, {})).status).toBe(401);
    const writeOnly = await tenant.keyWith(['customers:read']);
    expect((await list('', writeOnly)).status).toBe(403);
  });

  it("never lists another organization's members", async () => {
    const other = await createTenant(server.db);
    await sync(server.url, other.key, { email: 'elsewhere@example.com' });
    await sync(server.url, tenant.key, { email: 'here@example.com' });
    const mine = await list('?limit=100');
    expect(mine.body.data.map((member) => member.email)).not.toContain('elsewhere@example.com');
    expect(mine.body.data.every((member) => member.organizationId === tenant.organizationId)).toBe(true);
  });

  it('is members.list over tRPC, the same page as REST', async () => {
    const client = createMembersClient({ url: server.url, apiKey: tenant.key });
    await sync(server.url, tenant.key, { email: 'trpc-listed@example.com', name: 'Listed' });
    const first = await client.members.list.query({ limit: 1, q: 'trpc-listed' });
    const rest = await list('?limit=1&q=trpc-listed');
    expect(first).toEqual(rest.body);
    expect(first.data[0]).toMatchObject({ email: 'trpc-listed@example.com', name: 'Listed' });
  });
});
