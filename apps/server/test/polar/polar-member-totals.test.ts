import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import {
  addMember,
  createCustomer,
  polar,
  type WireCustomer,
  type WireList,
  type WireMember,
} from '../support/polar.js';

let server: TestServer;
let tenant: Tenant;
let acme: WireCustomer;
let globex: WireCustomer;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  acme = await createCustomer(server.url, tenant.key, {
    type: 'team',
    email: 'owner@acme.example',
    external_id: 'acme',
  });
  globex = await createCustomer(server.url, tenant.key, {
    type: 'team',
    email: 'owner@globex.example',
    external_id: 'globex',
  });
});
afterAll(() => server.close());

const list = async (query: string) => {
  const reply = await polar.get<WireList<WireMember>>(`${server.url}/v1/members/?limit=100&${query}`, tenant.key);
  expect(reply.status).toBe(200);
  return reply.body;
};

/** Every filter's total_count is the number of members it lists, whatever came and went before. */
async function expectTotalsTrue() {
  for (const query of [
    '',
    `customer_id=${acme.id}`,
    `customer_id=${globex.id}`,
    'external_customer_id=acme',
    'role=member',
    'role=owner',
    `customer_id=${acme.id}&role=billing_manager`,
  ]) {
    const page = await list(query);
    expect(page.pagination.total_count, query).toBe(page.items.length);
  }
}

describe('list totals', () => {
  it('follow members as they are added, change role, are deleted, and go with their customer', async () => {
    await expectTotalsTrue();
    const added: WireMember[] = [];
    for (let i = 0; i < 5; i++) {
      added.push(await addMember(server.url, tenant.key, { customer_id: acme.id, email: `a${i}@acme.example` }));
      await addMember(server.url, tenant.key, { customer_id: globex.id, email: `g${i}@globex.example` });
    }
    expect((await list('')).pagination.total_count).toBe(12);
    await expectTotalsTrue();

    const [first, second] = added;
    await polar.patch(`${server.url}/v1/members/${first?.id}`, tenant.key, { role: 'billing_manager' });
    await polar.delete(`${server.url}/v1/members/${second?.id}`, tenant.key);
    await expectTotalsTrue();
    expect((await list(`customer_id=${acme.id}&role=billing_manager`)).pagination.total_count).toBe(1);

    expect((await polar.delete(`${server.url}/v1/customers/${globex.id}`, tenant.key)).status).toBe(204);
    await expectTotalsTrue();
    expect((await list('')).pagination.total_count).toBe(5);
    expect((await list(`customer_id=${globex.id}`)).pagination.total_count).toBe(0);
  });

  it('stay true once the many changes of one customer are folded together', async () => {
    for (let i = 0; i < 40; i++) {
      const member = await addMember(server.url, tenant.key, { customer_id: acme.id, email: `churn${i}@acme.example` });
      if (i % 2 === 0) await polar.delete(`${server.url}/v1/members/${member.id}`, tenant.key);
    }
    // Over a hundred changes to acme's tally: the first count sums them and folds them, the second reads the fold.
    const before = await list(`customer_id=${acme.id}`);
    expect(before.pagination.total_count).toBe(before.items.length);
    expect(before.pagination.total_count).toBe(5 + 20);
    expect((await list(`customer_id=${acme.id}`)).pagination.total_count).toBe(25);
    await expectTotalsTrue();
  });
});
