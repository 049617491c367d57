import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimits } from '@members/api';
import { createTenant, startTrpcServer, type TrpcServer } from './support/trpc-server.js';

/**
 * tRPC mutations posted as JSON are answered by our own short path (mutations.ts); any other query string sends
 * a request to tRPC's Express adapter instead (to tRPC, `?via=adapter` changes nothing, and `?batch=1&via=adapter` is
 * still a batch). Each request here is sent both ways, and the two answers must be the same: status, body and the
 * headers a client reads.
 */
interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string | null>;
  /** tRPC's adapter streams its answer (chunked); the short path sends it whole (Content-Length). */
  whole: boolean;
}

interface Sent {
  key?: string;
  body?: string;
  contentType?: string;
  batch?: boolean;
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

async function post(base: string, path: string, sent: Sent, via?: 'adapter') {
  const headers: Record<string, string> = { 'content-type': sent.contentType ?? 'application/json' };
  if (sent.key) headers.authorization = `Bearer ${sent.key}`;
  const query = [sent.batch ? 'batch=1' : '', via ? `via=${via}` : ''].filter(Boolean).join('&');
  const url = `${base}/trpc/${path}${query ? `?${query}` : ''}`;
  return read(await fetch(url, { method: 'POST', headers, body: sent.body ?? '' }));
}

/** The same request through the short path and through tRPC's adapter. */
async function bothWays(base: string, path: string, sent: Sent) {
  const short = await post(base, path, sent);
  const adapter = await post(base, path, sent, 'adapter');
  expect([short.whole, adapter.whole]).toEqual([true, false]);
  return { short: { ...short, whole: undefined }, adapter: { ...adapter, whole: undefined } };
}

let server: TrpcServer;
let tenant: Awaited<ReturnType<typeof createTenant>>;
const json = JSON.stringify;
const same = { email: 'same@example.com', name: 'Same' };

beforeAll(async () => {
  server = await startTrpcServer();
  tenant = await createTenant(server.db);
  await tenant.plan({ name: 'Pro', stripePriceId: 'price_pro', jobsIncluded: 5 });
  await post(server.url, 'members.sync', { key: tenant.key, body: json(same) });
});
afterAll(() => server.close());

describe('tRPC mutations', () => {
  const missing = { id: '00000000-0000-4000-8000-000000000000' };
  const cases: [string, string, Sent & { key?: 'tenant' | 'reader' | 'mk_wrong' }][] = [
    ['an unchanged sync', 'members.sync', { key: 'tenant', body: json(same) }],
    ['a charset', 'members.sync', { key: 'tenant', body: json(same), contentType: 'Application/JSON; charset=utf-8' }],
    ['an invalid email', 'members.sync', { key: 'tenant', body: json({ email: 'nope' }) }],
    ['no input', 'members.sync', { key: 'tenant' }],
    ['null input', 'members.sync', { key: 'tenant', body: 'null' }],
    ['a NUL byte', 'members.sync', { key: 'tenant', body: json({ ...same, name: 'a\u0000b' }) }],
    [
      'an unknown plan',
      'members.sync',
      { key: 'tenant', body: json({ email: 'plan@example.com', access: { stripePriceId: 'price_none' } }) },
    ],
    ['no key', 'members.sync', { body: json(same) }],
    ['a wrong key', 'members.sync', { key: 'mk_wrong', body: json(same) }],
    ['a key without the scope', 'members.sync', { key: 'reader', body: json(same) }],
    ['a missing customer member', 'customerMembers.delete', { key: 'tenant', body: json(missing) }],
    ['an admin call without the admin scope', 'webhooks.endpoints.delete', { key: 'reader', body: json({ id: 'x' }) }],
    ['a batch of one', 'members.sync', { key: 'tenant', batch: true, body: json({ 0: same }) }],
    [
      'a batch, one call refused',
      'members.sync,members.sync',
      { key: 'tenant', batch: true, body: json({ 0: same, 1: { email: 'nope' } }) },
    ],
    [
      'a batch of two procedures, both refused',
      'members.sync,customerMembers.delete',
      { key: 'tenant', batch: true, body: json({ 0: { email: 'nope' }, 1: missing }) },
    ],
    ['a batch without input', 'members.sync,members.sync', { key: 'tenant', batch: true }],
    ['a batch without a key', 'members.sync,members.sync', { batch: true, body: json({ 0: same, 1: same }) }],
  ];

  it.each(cases)('are answered as tRPC answers them: %s', async (_name, path, { key, ...sent }) => {
    const keys = { tenant: tenant.key, reader: await tenant.keyWith(['members:read']), mk_wrong: 'mk_wrong' };
    const { short, adapter } = await bothWays(server.url, path, { ...sent, key: key && keys[key] });
    expect(short).toEqual(adapter);
  });

  it('are answered as tRPC answers them when the key has spent its burst', async () => {
    const limited = await startTrpcServer({
      limits: new RateLimits({ key: { points: 1, windowSeconds: 60 }, address: { points: 100, windowSeconds: 1 } }),
    });
    try {
      const own = await createTenant(limited.db);
      const spent = async () => {
        const key = await own.keyWith(['members:write']);
        await post(limited.url, 'members.sync', { key, body: json(same) });
        return key;
      };
      const short = await post(limited.url, 'members.sync', { key: await spent(), body: json(same) });
      const adapter = await post(limited.url, 'members.sync', { key: await spent(), body: json(same) }, 'adapter');
      expect([short.whole, adapter.whole]).toEqual([true, false]);
      expect(short.status).toBe(429);
      expect(short.headers['retry-after']).not.toBeNull();
      expect({ ...short, whole: undefined }).toEqual({ ...adapter, whole: undefined });
    } finally {
      await limited.close();
    }
  });
});
