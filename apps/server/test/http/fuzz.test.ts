import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureAt, procedurePaths, restRoutes, type TableRow } from '@members/contracts';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { match } from '../support/matchers.js';

let server: TestServer;
let tenant: Tenant;
let customerId = '';

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  const team = await fetch(`${server.url}/v1/customers/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tenant.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'team', email: 'fuzz@example.com' }),
  });
  customerId = ((await team.json()) as { id: string }).id;
});
afterAll(() => server.close());

/** encodeURIComponent refuses lone surrogates; such a string is sent as the bytes of one. */
const encoded = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** CI runs a few thousand cases with a new seed each time; `FUZZ_RUNS=25` searches harder by hand. */
const runs = Number(process.env.FUZZ_RUNS ?? 1);
const leak = /"stack"|\/work\/|node_modules|\bat \S+ \(|\b(select|insert|update|delete) .* (from|into|set)\b|<html/i;

/** Strings that have broken servers: NUL, lone surrogates, RTL marks, huge, SQL, percent signs. */
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\u202e', "'; drop table member;--", '%', '%00', '%E0%A4%A', '..'),
  fc.string({ minLength: 300, maxLength: 3000 }),
);
const nastyValue = fc.oneof(
  nastyString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 0, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, true, [], {}),
);

/** A JSON body: random, a near-valid one with fields broken, or deeply nested. */
function bodies(fields: string[]) {
  const known = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('email');
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc
      .dictionary(fc.oneof(known, fc.string({ maxLength: 12 })), nastyValue, { maxKeys: 8 })
      .map((body) => JSON.stringify({ email: 'fuzzed@example.com', customer_id: customerId, ...body })),
    fc.integer({ min: 20, max: 4000 }).map((depth) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`),
    fc.string({ maxLength: 200 }),
  );
}

const headerVariants = fc.record({
  'content-type': fc.constantFrom(
    'application/json',
    'text/plain',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
  ),
  'content-encoding': fc.constantFrom(undefined, 'identity', 'gzip', 'deflate', 'br', 'x-unknown'),
  'x-request-id': fc.option(nastyString.filter((s) => /^[\x20-\x7e]*$/.test(s))),
});

/** A path segment where a route has a parameter: a real id, another uuid, or garbage, percent-encoded or not. */
const segment = fc.oneof(
  fc.constant(customerId),
  fc.uuid().map((id) => id),
  nastyString.map(encoded),
  fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '..%2f..', 'external'),
);

const queryString = (names: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...names, 'x'), fc.string({ maxLength: 10 })), nastyString), {
      maxLength: 6,
    })
    .map((pairs) => pairs.map(([k, v]) => `${encoded(k)}=${encoded(v)}`).join('&'));

function expectSurfaceShape(surface: 'kardow' | 'polar' | 'trpc', status: number, text: string, where: string) {
  expect(status, where).toBeLessThan(500);
  // A request line over Node's 16 KiB header limit is refused by Node's HTTP parser before any code of ours runs.
  if (status === 431 && text === '') return;
  expect(text, where).not.toMatch(leak);
  if (status < 400) return;
  const body = JSON.parse(text) as Record<string, unknown>;
  if (surface === 'kardow')
    expect(body, where).toMatchObject({ error: { code: match.any(String), issues: match.any(Array) } });
  if (surface === 'polar') {
    expect(typeof body.error, where).toBe('string');
    expect(body.detail, where).toBeDefined();
  }
  if (surface === 'trpc') {
    const errors = Array.isArray(body) ? body.map((item) => (item as { error?: unknown }).error) : [body.error];
    for (const error of errors) expect(error, where).toMatchObject({ data: { httpStatus: match.any(Number) } });
  }
}

async function send(method: string, path: string, headers: Record<string, string | null | undefined>, body?: string) {
  const sent: Record<string, string> = { authorization: `Bearer ${tenant.key}` };
  for (const [name, value] of Object.entries(headers)) if (value) sent[name] = value;
  const response = await fetch(`${server.url}${path}`, { method, headers: sent, body });
  return { status: response.status, text: await response.text() };
}

const restCase = (row: TableRow) => {
  const { route, surface } = row;
  const fields = Object.keys(procedureAt(route.procedure).input.shape).map((f) => (surface === 'polar' ? snake(f) : f));
  return fc.record({
    path: fc.array(segment, { minLength: 5, maxLength: 5 }).map((values) => {
      let i = 0;
      return route.path.replace(/\{[^}]+\}/g, () => values[i++] ?? 'x');
    }),
    query: queryString(fields),
    headers: headerVariants,
    body: bodies(fields),
  });
};

describe('thousands of malformed requests', () => {
  it(
    'every REST route answers 4xx in its surface’s shape, or succeeds; never 5xx, never a stack or SQL',
    async () => {
      const cases = fc.oneof(...restRoutes.map((row) => restCase(row).map((request) => ({ row, ...request }))));
      await fc.assert(
        fc.asyncProperty(cases, async ({ row, path, query, headers, body }) => {
          const method = row.route.method.toUpperCase();
          const reply = await send(method, `${path}?${query}`, headers, method === 'GET' ? undefined : body);
          expectSurfaceShape(row.surface, reply.status, reply.text, `${method} ${path}?${query} ${body.slice(0, 200)}`);
        }),
        { numRuns: 2000 * runs },
      );
    },
    30_000 * runs,
  );

  it(
    'every tRPC procedure does the same, one call or a batch',
    async () => {
      const calls = fc.record({
        paths: fc.array(fc.constantFrom(...procedurePaths, 'members.nothing', 'x'), { minLength: 1, maxLength: 4 }),
        input: bodies(['email', 'customerId', 'id', 'lookup']),
        headers: headerVariants,
        get: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(calls, async ({ paths, input, headers, get }) => {
          const batch = paths.length > 1;
          const path = `/trpc/${paths.join(',')}${batch ? '?batch=1' : ''}`;
          const wrapped = batch ? `{${paths.map((_, i) => `"${i}":${input}`).join(',')}}` : input;
          const reply = get
            ? await send('GET', `${path}${batch ? '&' : '?'}input=${encoded(wrapped)}`, headers)
            : await send('POST', path, headers, wrapped);
          expectSurfaceShape(
            'trpc',
            reply.status,
            reply.text,
            `${get ? 'GET' : 'POST'} ${path} ${wrapped.slice(0, 200)}`,
          );
        }),
        { numRuns: 1000 * runs },
      );
    },
    30_000 * runs,
  );
});
