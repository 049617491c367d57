/**
 * The operators' erasures over tRPC, `members.erase` and `customers.erase`: each answers a receipt that counts what
 * it reached, kind by kind, and never quotes the person; what it counted is then gone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMembersClient } from '@members/client';
import { request } from '../support/http.js';
import { match } from '../support/matchers.js';
import { markedMemberSync } from '../support/marked-member.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { rejection } from '../support/trpc.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  await tenant.plan({ name: 'Erasable', stripePriceId: 'price_erase' });
});
afterAll(() => server.close());

describe('erasure answered with a receipt', () => {
  it('members.erase counts the member, its subscription and payment, the events and the kept answers', async () => {
    const client = createMembersClient({ url: server.url, apiKey: tenant.key });
    const marker = `receipt${randomUUID().slice(0, 8)}`;
    const keyed = await request(`${server.url}/members/sync`, {
      key: tenant.key,
      body: markedMemberSync(marker, 'price_erase'),
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(keyed.status).toBe(201);
    await client.members.sync.mutate({ email: `${marker}@example.com`, name: 'Renamed' });

    const receipt = await client.members.erase.mutate({ email: `${marker}@example.com` });
    expect(receipt.erased).toEqual({
      members: 1,
      subscriptions: 1,
      payments: 1,
      customers: 0,
      customerMembers: 0,
      // user.created, subscription.created, payment.created and user.updated, each with the member's values.
      events: 4,
      storedAnswers: 1,
      portalSessions: 0,
    });
    expect(JSON.stringify(receipt)).not.toContain(marker);

    const gone = await rejection(client.members.lookup.query({ lookup: receipt.memberId }));
    expect(gone.data?.httpStatus).toBe(404);
    const again = await rejection(client.members.erase.mutate({ email: `${marker}@example.com` }));
    expect(again.data?.httpStatus).toBe(404);
  });

  it('delete_member answers the same receipt, and the address the copies read rather than the one erased', async () => {
    const email = `access-${randomUUID().slice(0, 8)}@example.com`;
    const client = createMembersClient({ url: server.url, apiKey: tenant.key });
    const { member } = await client.members.sync.mutate({ email });
    const deleted = await request<{ data: { deleted: Record<string, unknown> } }>(`${server.url}/members/access`, {
      key: tenant.key,
      body: { email, action: 'delete_member' },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data.deleted).toEqual({
      memberId: member.id,
      email: `erased-${member.id}@erased.invalid`,
      subscriptions: 0,
      payments: 0,
      erased: match.objectContaining({ members: 1, subscriptions: 0, payments: 0, storedAnswers: 0 }),
    });
  });

  it('customers.erase counts the team, its members and portal session, which signs in no more', async () => {
    const client = createMembersClient({ url: server.url, apiKey: tenant.key });
    const marker = `team${randomUUID().slice(0, 8)}`;
    const customer = await client.customers.create.mutate({ type: 'team', email: `owner-${marker}@example.com` });
    const members = await Promise.all(
      ['a', 'b'].map((who) =>
        client.customerMembers.create.mutate({ customerId: customer.id, email: `${who}-${marker}@example.com` }),
      ),
    );
    const session = await client.customerSessions.create.mutate({
      customerId: customer.id,
      memberId: members[0]?.id,
      returnUrl: `https://app.example/${marker}`,
    });
    const portal = () => request(`${server.url}/v1/customer-portal/members`, { bearer: session.token });
    expect((await portal()).status).not.toBe(401);

    const receipt = await client.customers.erase.mutate({ id: customer.id });
    expect(receipt).toEqual({
      customerId: customer.id,
      erased: {
        members: 0,
        subscriptions: 0,
        payments: 0,
        customers: 1,
        // The owner and the two members.
        customerMembers: 3,
        // customer.created, and member.created for the owner and the two members: the log keeps every event.
        events: 4,
        storedAnswers: 0,
        portalSessions: 1,
      },
    });
    expect((await portal()).status).toBe(401);
    const gone = await rejection(client.customers.get.query({ id: customer.id }));
    expect(gone.data?.httpStatus).toBe(404);
  });
});
