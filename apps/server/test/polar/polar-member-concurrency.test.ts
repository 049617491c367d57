import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerMember, WebhookEvent } from '@members/db';
import { startReceiver } from '../support/receiver.js';
import {
  createCustomer,
  polar,
  type PolarValidationBody,
  type WireCustomer,
  type WireList,
  type WireMember,
} from '../support/polar.js';
import { request } from '../support/http.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
});
afterAll(() => server.close());

const create = (body: Record<string, unknown>) => polar.post<WireMember>(`${server.url}/v1/members/`, tenant.key, body);
const liveMembers = (customerId: string) =>
  server.db.fork().find(CustomerMember, { customer: customerId, deletedAt: null }, { orderBy: { createdAt: 'asc' } });

describe('concurrent member creates into one team keep every rule', () => {
  it('20 creates with distinct emails all land beside the one owner', async () => {
    const team = await createCustomer(server.url, tenant.key, { type: 'team', email: 'owner@many.example' });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => create({ customer_id: team.id, email: `m${i}@many.example` })),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    const members = await liveMembers(team.id);
    expect(members).toHaveLength(21);
    expect(members.filter((member) => member.role === 'owner')).toHaveLength(1);
  });

  it('20 creates of one email make one member, and every create answers it', async () => {
    const team = await createCustomer(server.url, tenant.key, { type: 'team', email: 'owner@same.example' });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        create({ customer_id: team.id, email: i % 2 ? 'Same@Same.example' : 'same@same.example' }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(1);
    expect(await liveMembers(team.id)).toHaveLength(2);
  });

  it('20 creates with one external id: one lands, the others are 422 on external_id', async () => {
    const team = await createCustomer(server.url, tenant.key, { type: 'team', email: 'owner@ext.example' });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        create({ customer_id: team.id, email: `e${i}@ext.example`, external_id: 'shared-ext' }),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(19);
    const refused = replies.find((reply) => reply.status === 422)?.body as unknown as { detail: { loc: string[] }[] };
    expect(refused.detail[0]?.loc).toEqual(['body', 'external_id']);
    expect(await liveMembers(team.id)).toHaveLength(2);
  });

  it('creates racing the customer’s delete leave no live member of a deleted customer', async () => {
    const team = await createCustomer(server.url, tenant.key, { type: 'team', email: 'owner@gone.example' });
    const creates = Array.from({ length: 20 }, (_, i) => create({ customer_id: team.id, email: `g${i}@gone.example` }));
    const removed = polar.delete(`${server.url}/v1/customers/${team.id}`, tenant.key);
    const replies = await Promise.all(creates);
    expect((await removed).status).toBe(204);
    for (const reply of replies) expect([201, 404]).toContain(reply.status);
    expect(await liveMembers(team.id)).toEqual([]);
  });

  it('an individual customer still refuses members (403), and answers its owner’s email with the owner', async () => {
    const single = await createCustomer(server.url, tenant.key, { email: 'solo@single.example' });
    const refused = await create({ customer_id: single.id, email: 'other@single.example' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'NotPermitted' });
    const owner = await create({ customer_id: single.id, email: 'solo@single.example' });
    expect(owner.status).toBe(201);
    expect(owner.body.role).toBe('owner');
  });

  it('writes one member.created event per member added, in the member’s own transaction', async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = await request(`${server.url}/v1/webhooks/endpoints`, {
        bearer: tenant.key,
        body: { url: `${receiver.url}/ok/members`, format: 'raw', events: ['member.created'] },
      });
      expect(endpoint.status).toBe(201);
      const team = await createCustomer(server.url, tenant.key, { type: 'team', email: 'owner@told.example' });
      const replies = await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => create({ customer_id: team.id, email: `t${i}@told.example` })),
        ...Array.from({ length: 5 }, () => create({ customer_id: team.id, email: 't0@told.example' })),
      ]);
      expect(replies.every((reply) => reply.status === 201)).toBe(true);
      const events = await server.db.fork().find(WebhookEvent, {
        organization: tenant.organizationId,
        type: 'member.created',
        payload: { $like: '%told.example%' },
      });
      const told = events.map((event) => (JSON.parse(event.payload) as { data: { email: string } }).data.email).sort();
      // The owner, made with the customer, and each of the twenty once: the five repeats added no one.
      expect(told).toEqual(
        ['owner@told.example', ...Array.from({ length: 20 }, (_, i) => `t${i}@told.example`)].sort(),
      );
    } finally {
      await receiver.close();
    }
  });
});

describe('concurrent customer writes keep the email unique in the organization', () => {
  const createCustomerReply = (body: Record<string, unknown>) =>
    polar.post<WireCustomer>(`${server.url}/v1/customers/`, tenant.key, body);

  it('20 creates of one email in any case: one lands, the others are 422 on email, none a 5xx', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createCustomerReply({ email: i % 2 ? 'Racer@Race.example' : 'racer@race.example', name: `Racer ${i}` }),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(19);
    for (const reply of replies.filter((r) => r.status === 422)) {
      expect((reply.body as unknown as PolarValidationBody).detail).toEqual([
        expect.objectContaining({ loc: ['body', 'email'], msg: 'A customer with this email address already exists.' }),
      ]);
    }
    const listed = await polar.get<WireList<WireCustomer>>(
      `${server.url}/v1/customers/?email=RACER@race.example`,
      tenant.key,
    );
    expect(listed.body.pagination.total_count).toBe(1);
  });

  it('10 customers moving onto one email at once: one moves, the others are 422', async () => {
    const movers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createCustomer(server.url, tenant.key, { email: `mover${i}@move.example` })),
    );
    const replies = await Promise.all(
      movers.map((mover) =>
        polar.patch<WireCustomer>(`${server.url}/v1/customers/${mover.id}`, tenant.key, {
          email: 'there@move.example',
        }),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(9);
  });
});
