import { once } from 'node:events';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { RateLimits } from '@members/api';
import { request } from '../support/http.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { match } from '../support/matchers.js';

let server: TestServer;
let tenant: Tenant;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  server = await startServer({
    logger: pino({ level: 'info' }, stream),
    limits: new RateLimits({ key: { points: 1000, windowSeconds: 1 }, address: { points: 20, windowSeconds: 60 } }),
  });
  tenant = await createTenant(server.db);
});
afterAll(() => server.close());

const raw = (path: string, init: RequestInit & { keyed?: boolean } = {}) => {
  const { keyed = true, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (keyed) headers.set('x-api-key', tenant.key);
  return fetch(`${server.url}${path}`, { ...rest, headers });
};

describe('requests are logged, one structured line each', () => {
  it('with the request id it was sent or was given, echoed back; never the key or the body', async () => {
    const sent = await raw('/members/sync', {
      method: 'POST',
      headers: { 'x-request-id': 'trace-42', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'logged@example.com', description: 'a secret note' }),
    });
    expect(sent.headers.get('x-request-id')).toBe('trace-42');
    const input = encodeURIComponent(JSON.stringify({ lookup: 'queried@example.com' }));
    const queried = await raw(`/trpc/members.lookup?input=${input}`, { headers: { 'x-request-id': 'trace-43' } });
    expect(queried.status).toBe(404);
    const made = await raw('/healthz', { keyed: false, headers: { 'x-request-id': 'not a token\u00e9' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const line = logLines.find((entry) => (entry.req as { id?: string } | undefined)?.id === 'trace-42');
    expect(line).toMatchObject({
      req: { method: 'POST', url: '/members/sync' },
      res: { statusCode: 201 },
      route: '/members/sync',
      responseTime: match.any(Number),
    });
    const query = logLines.find((entry) => (entry.req as { id?: string } | undefined)?.id === 'trace-43');
    expect(query).toMatchObject({ req: { method: 'GET', url: '/trpc/members.lookup' }, res: { statusCode: 404 } });
    const everything = JSON.stringify(logLines);
    expect(everything).not.toContain('queried');
    expect(everything).not.toContain(tenant.key);
    expect(everything).not.toContain('a secret note');
  });

  it('names a path by its route template, never by the email or id it carried', async () => {
    const looked = await raw('/members/jane.logged@example.com', { headers: { 'x-request-id': 'trace-lookup' } });
    expect(looked.status).toBe(404);
    const polar = await raw('/v1/members/0b1fd2a4-9c7e-4f5e-8a43-5f0c8f2d7a11', {
      headers: { 'x-request-id': 'trace-polar' },
    });
    expect(polar.status).toBe(404);
    const unmatched = await raw('/nowhere/jane.lost@example.com', { headers: { 'x-request-id': 'trace-nowhere' } });
    expect(unmatched.status).toBe(404);
    const lineOf = (id: string) => logLines.find((entry) => (entry.req as { id?: string } | undefined)?.id === id);
    expect(lineOf('trace-lookup')).toMatchObject({
      req: { method: 'GET', url: '/members/{lookup}' },
      route: '/members/{lookup}',
      res: { statusCode: 404 },
    });
    expect(lineOf('trace-polar')).toMatchObject({ req: { url: '/v1/members/{id}' }, route: '/v1/members/{id}' });
    expect(lineOf('trace-nowhere')).toMatchObject({ req: { url: '{unmatched}' }, res: { statusCode: 404 } });
    const everything = JSON.stringify(logLines);
    expect(everything).not.toContain('jane.logged');
    expect(everything).not.toContain('jane.lost');
    expect(everything).not.toContain('0b1fd2a4');
  });

  it('logs a request whose client went away before its answer as aborted, a warning rather than a fault', async () => {
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    await once(socket, 'connect');
    // Half of the body it announces, then gone: the server is still reading when the connection closes.
    socket.write(
      'POST /members/sync HTTP/1.1\r\nHost: x\r\nX-Request-Id: trace-gone\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    let line: Record<string, unknown> | undefined;
    for (let waited = 0; !line && waited < 2000; waited += 20) {
      line = logLines.find((entry) => (entry.req as { id?: string } | undefined)?.id === 'trace-gone');
      if (!line) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(line).toMatchObject({ level: 40, msg: 'request aborted', req: { method: 'POST', url: '/members/sync' } });
  });
});

describe('security headers and CORS', () => {
  it('sends helmet’s headers and no CORS header unless origins are configured', async () => {
    const reply = await raw('/healthz', { keyed: false, headers: { origin: 'https://elsewhere.example' } });
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('strict-transport-security')).toBeTruthy();
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('tells a keyed caller its limit in the standard RateLimit headers', async () => {
    const reply = await raw('/members/nobody@example.com');
    expect(reply.headers.get('ratelimit-policy')).toBe('1000;w=1');
    expect(reply.headers.get('ratelimit')).toMatch(/^limit=1000, remaining=\d+, reset=\d+$/);
  });
});

describe('tRPC batches', () => {
  it('refuses more than 50 calls in one batch', async () => {
    const paths = Array.from({ length: 51 }, () => 'members.lookup').join(',');
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [i, { lookup: 'a@b.co' }]))),
    );
    const reply = await raw(`/trpc/${paths}?batch=1&input=${input}`);
    expect(reply.status).toBe(400);
    const fifty = Array.from({ length: 50 }, () => 'members.lookup').join(',');
    const fiftyInput = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [i, { lookup: 'a@b.co' }]))),
    );
    expect((await raw(`/trpc/${fifty}?batch=1&input=${fiftyInput}`)).status).not.toBe(400);
  });
});

describe('input a caller controls never reaches a 5xx', () => {
  it('refuses NUL characters with their path, on every surface', async () => {
    const kardow = await request(`${server.url}/members/sync`, {
      key: tenant.key,
      body: { email: 'nul@example.com', name: 'a\u0000b', customFields: { 'k\u0000': 1 } },
    });
    expect(kardow.status).toBe(422);
    expect(kardow.body).toMatchObject({ error: { code: 'validation_failed' } });
    const lookup = await raw('/members/a%00b');
    expect(lookup.status).toBe(422);
    const polar = await request(`${server.url}/v1/customers/`, {
      bearer: tenant.key,
      body: { email: 'nul@example.com', name: 'x\u0000' },
    });
    expect(polar.status).toBe(422);
    expect(polar.body).toMatchObject({ detail: [{ loc: ['body', 'name'] }] });
  });

  it('refuses a block sent as null, text or a list with 422 and the block’s path', async () => {
    // Found by the fuzz test: an object-level rule (`access` names a plan) once ran on `access: null` and threw.
    for (const block of ['access', 'payment'])
      for (const value of [null, 'text', [], 0]) {
        const reply = await request(`${server.url}/members/sync`, {
          key: tenant.key,
          body: { email: 'blocks@example.com', [block]: value },
        });
        expect(reply.status, `${block}: ${JSON.stringify(value)}`).toBe(422);
        expect(reply.body).toMatchObject({ error: { issues: [{ path: [block] }] } });
      }
    for (const input of [null, 'text', []]) {
      const reply = await raw('/trpc/members.access', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      expect(reply.status, JSON.stringify(input)).toBe(422);
    }
  });

  it('refuses JSON nested thousands of levels deep with a 4xx, on REST and tRPC', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    for (const path of ['/members/sync', '/v1/customers/', '/trpc/members.sync']) {
      const reply = await raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status, path).toBeLessThan(500);
    }
    const customFields = JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as object;
    const tooDeep = await request(`${server.url}/members/sync`, {
      key: tenant.key,
      body: { email: 'deep@example.com', customFields },
    });
    expect(tooDeep.status).toBe(422);
  });

  it('answers 400 or 415 to bodies it cannot read, in the surface’s shape', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['gzip that is not gzip', { 'content-encoding': 'gzip' }, '{"email":"x@example.com"}'],
      ['an unknown encoding', { 'content-encoding': 'br-unknown' }, '{}'],
      ['latin1', { 'content-type': 'application/json; charset=latin1' }, '{}'],
    ];
    for (const [name, headers, body] of cases) {
      const polar = await raw('/v1/customers/', { method: 'POST', headers, body });
      expect([400, 415], name).toContain(polar.status);
      expect(await polar.json(), name).toEqual({ error: match.any(String), detail: match.any(String) });
      const kardow = await raw('/members/sync', { method: 'POST', headers, body });
      expect([400, 415], name).toContain(kardow.status);
      expect(await kardow.json(), name).toMatchObject({ error: { code: match.any(String) } });
    }
    const gzipped = await raw('/v1/customers/', {
      method: 'POST',
      headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
      body: gzipSync(JSON.stringify({ email: 'gzipped@example.com' })),
    });
    expect(gzipped.status).toBe(201);
  });

  it('answers bad percent-encoding with 400 in the surface’s shape, never an HTML page', async () => {
    const polar = await raw('/v1/members/%E0%A4%A');
    expect(polar.status).toBe(400);
    expect(await polar.json()).toEqual({ error: 'BadRequest', detail: match.any(String) });
    const kardow = await raw('/members/%E0%A4%A');
    expect(kardow.status).toBe(400);
    expect(await kardow.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers 405 with Allow to a method a path is not served with', async () => {
    const trace = await raw('/trpc/members.sync', { method: 'PUT' });
    expect(trace.status).toBe(405);
    expect(trace.headers.get('allow')).toBe('GET, POST');
    expect(await trace.json()).toMatchObject({ error: { data: { httpStatus: 405, appCode: 'method_not_allowed' } } });
    const polar = await raw('/v1/members/', { method: 'PUT' });
    expect(polar.status).toBe(405);
    expect(polar.headers.get('allow')).toBe('POST, GET');
    expect(await polar.json()).toEqual({ error: 'MethodNotAllowed', detail: match.any(String) });
    const kardow = await raw('/members/sync', { method: 'DELETE' });
    expect(kardow.status).toBe(405);
  });
});

describe('requests without a valid key', () => {
  it('are limited per client address, and refused before a key lookup once over it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push(
        (await fetch(`${server.url}/members/x@example.com`, { headers: { 'x-api-key': 'mk_wrong' } })).status,
      );
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const limited = await fetch(`${server.url}/v1/members/`, { headers: { authorization: 'Bearer mk_wrong' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // A valid key from the same address is not held back by the address's limit.
    expect((await raw('/members/x@example.com')).status).toBe(404);
  });
});
