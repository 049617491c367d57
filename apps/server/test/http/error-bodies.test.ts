import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';

let server: TestServer;
let tenant: Tenant;
const previousNodeEnv = process.env.NODE_ENV;

beforeAll(async () => {
  // tRPC puts stacks in error bodies in development unless told otherwise; this server never does.
  process.env.NODE_ENV = 'development';
  server = await startServer();
  tenant = await createTenant(server.db);
});
afterAll(async () => {
  process.env.NODE_ENV = previousNodeEnv;
  await server.close();
});

/** What an error body must never show: a stack frame, a file path, a stack field, SQL. */
const leak =
  /"stack"|\/work\/|node_modules|\bat \S+ \(|\.ts:\d+|\.js:\d+|\b(select|insert|update|delete) .* (from|into|set)\b/i;

describe('error bodies, with NODE_ENV=development', () => {
  const failing: [string, string, RequestInit & { keyed?: boolean }][] = [
    ['tRPC, no key', '/trpc/members.lookup?input=%7B%22lookup%22%3A%22a%40b.c%22%7D', {}],
    ['tRPC, unknown procedure', '/trpc/members.nothing', { keyed: true }],
    ['tRPC, invalid input', '/trpc/members.sync', { method: 'POST', body: '{"email":"x"}', keyed: true }],
    ['tRPC, not JSON', '/trpc/members.sync', { method: 'POST', body: '{', keyed: true }],
    ['tRPC, not found', '/trpc/members.lookup?input=%7B%22lookup%22%3A%22a%40b.c%22%7D', { keyed: true }],
    ['Kardow, not JSON', '/members/sync', { method: 'POST', body: '{', keyed: true }],
    ['Kardow, invalid input', '/members/sync', { method: 'POST', body: '{"email":1}', keyed: true }],
    ['Polar, not JSON', '/v1/members/', { method: 'POST', body: '{', keyed: true }],
    ['Polar, unknown id', '/v1/members/00000000-0000-4000-8000-000000000000', { keyed: true }],
    ['no route', '/nowhere', {}],
  ];

  it.each(failing)('%s: a 4xx with no stack, path or SQL', async (_name, path, { keyed, ...init }) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(keyed ? { 'x-api-key': tenant.key } : {}) },
    });
    const body = await response.text();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(body).not.toMatch(leak);
  });
});
