import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimits } from '@members/api';
import { createTenant, startServer, type Tenant, type TestServer } from './support/server.js';

/**
 * A single tRPC mutation is answered by our own short path (trpc-single-mutation.ts); a URL with a query string
 * goes to tRPC's Express adapter instead (to tRPC, `POST /trpc/members.sync?via=adapter` is the same call). Each request here is
 * sent both ways, and the two answers must be the same: status, body and the headers a client reads.
 */
interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string | null>;
  /** tRPC's adapter streams its answer (chunked); the short path sends it whole (Content-Length). */
  whole: boolean;
}

const read = async (reply: Response): Promise<Answer> => ({
  status: reply.status,
  body: JSON.parse(await reply.text()) as unknown,
  headers: Object.fromEntries(
    ['content-type', 'vary', 'retry-after', 'ratelimit-limit', 'ratelimit-policy'].map((name) => [
      name,
      reply.headers.get(name),
    ]),
  ),
  whole: reply.headers.get('content-length') !== null,
});

function post(base: string, path: string, options: { key?: string; body?: string; contentType?: string }) {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  return fetch(`${base}/trpc/${path}`, { method: 'POST', headers, body: options.body ?? '' });
}

/** The same request through the short path and through tRPC's adapter. */
async function bothWays(base: string, path: string, options: { key?: string; body?: string; contentType?: string }) {
  const short = await read(await post(base, path, options));
  const adapter = await read(await post(base, `${path}?via=adapter`, options));
  return { short, adapter };
}

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  await tenant.plan({ name: 'Pro', stripePriceId: 'price_pro', jobsIncluded: 5 });
  await post(server.url, 'members.sync', {
    key: tenant.key,
    body: JSON.stringify({ email: 'same@example.com', name: 'Same' }),
  });
});
afterAll(() => server.close());

describe('a single tRPC mutation', () => {
  const json = JSON.stringify;
  const cases: [string, string, { key?: string | 'tenant' | 'reader'; body?: string; contentType?: string }][] = [
    ['an unchanged sync', 'members.sync', { key: 'tenant', body: json({ email: 'same@example.com', name: 'Same' }) }],
    [
      'the same with a charset',
      'members.sync',
      { key: 'tenant', body: json({ email: 'same@example.com' }), contentType: 'Application/JSON; charset=utf-8' },
    ],
    ['an invalid email', 'members.sync', { key: 'tenant', body: json({ email: 'nope' }) }],
    ['no input', 'members.sync', { key: 'tenant' }],
    ['null input', 'members.sync', { key: 'tenant', body: 'null' }],
    ['a NUL byte', 'members.sync', { key: 'tenant', body: json({ email: 'a@example.com', name: 'a\u0000b' }) }],
    [
      'an unknown plan',
      'members.sync',
      { key: 'tenant', body: json({ email: 'plan@example.com', access: { stripePriceId: 'price_none' } }) },
    ],
    ['no key', 'members.sync', { body: json({ email: 'same@example.com' }) }],
    ['a wrong key', 'members.sync', { key: 'mk_wrong', body: json({ email: 'same@example.com' }) }],
    ['a key without the scope', 'members.sync', { key: 'reader', body: json({ email: 'same@example.com' }) }],
    [
      'a missing customer member',
      'members.team.delete',
      { key: 'tenant', body: json({ id: '00000000-0000-4000-8000-000000000000' }) },
    ],
    ['an admin call without the admin scope', 'webhooks.endpoints.delete', { key: 'reader', body: json({ id: 'x' }) }],
  ];

  it.each(cases)('is answered as tRPC answers it: %s', async (_name, path, { key, ...rest }) => {
    const keys: Record<string, string> = {
      tenant: tenant.key,
      reader: await tenant.keyWith(['members:read']),
    };
    const { short, adapter } = await bothWays(server.url, path, { ...rest, key: key && (keys[key] ?? key) });
    expect(short.whole).toBe(true);
    expect(adapter.whole).toBe(false);
    expect({ ...short, whole: undefined }).toEqual({ ...adapter, whole: undefined });
  });

  it('is answered as tRPC answers it when the key has spent its burst', async () => {
    const limited = await startServer({
      limits: new RateLimits({ key: { points: 1, windowSeconds: 60 }, address: { points: 100, windowSeconds: 1 } }),
    });
    try {
      const own = await createTenant(limited.db);
      const spent = async () => {
        const key = await own.keyWith(['members:write']);
        await post(limited.url, 'members.sync', { key, body: json({ email: 'burst@example.com' }) });
        return key;
      };
      const body = json({ email: 'burst@example.com' });
      const short = await read(await post(limited.url, 'members.sync', { key: await spent(), body }));
      const adapter = await read(await post(limited.url, 'members.sync?via=adapter', { key: await spent(), body }));
      expect([short.whole, adapter.whole]).toEqual([true, false]);
      expect(short.status).toBe(429);
      expect(short.headers['retry-after']).not.toBeNull();
      expect({ ...short, whole: undefined }).toEqual({ ...adapter, whole: undefined });
    } finally {
      await limited.close();
    }
  });
});
