import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerMember } from '@members/db';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import {
  addMember,
  createCustomer,
  polar,
  type PolarErrorBody,
  type PolarValidationBody,
  type WireCustomer,
  type WireList,
  type WireMember,
} from '../support/polar.js';
import { match } from '../support/matchers.js';

let server: TestServer;
let tenant: Tenant;
let team: WireCustomer;
let url: (path: string) => string;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  url = (path) => `${server.url}${path}`;
  team = await createCustomer(server.url, tenant.key, {
    type: 'team',
    email: 'owner@acme.example',
    name: 'Acme',
    external_id: 'acme',
  });
});
afterAll(() => server.close());

const memberKeys = ['created_at', 'customer_id', 'email', 'external_id', 'id', 'modified_at', 'name', 'role'];

describe('customers', () => {
  it('creates a customer and its owner from its email, name and external id', async () => {
    const solo = await createCustomer(server.url, tenant.key, {
      email: 'solo@example.com',
      name: 'Solo',
      external_id: 'solo',
    });
    expect(solo).toMatchObject({ type: 'individual', external_id: 'solo' });
    const members = await polar.get<WireList<WireMember>>(url(`/v1/members/?customer_id=${solo.id}`), tenant.key);
    expect(members.body.items).toEqual([
      match.objectContaining({
        email: 'solo@example.com',
        name: 'Solo',
        external_id: 'solo',
        role: 'owner',
        customer_id: solo.id,
      }),
    ]);
  });

  it('lets a team name a different owner', async () => {
    const other = await createCustomer(server.url, tenant.key, {
      type: 'team',
      name: 'Beta',
      owner: { email: 'boss@beta.example', name: 'Boss' },
    });
    const owners = await polar.get<WireList<WireMember>>(
      url(`/v1/customers/${other.id}/members?role=owner`),
      tenant.key,
    );
    expect(owners.body.items.map((member) => member.email)).toEqual(['boss@beta.example']);
  });

  it('refuses an external_id already used in the organization (422), and a customer without email (422)', async () => {
    const duplicate = await polar.post<PolarValidationBody>(url('/v1/customers/'), tenant.key, {
      email: 'x@example.com',
      external_id: 'acme',
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.detail[0]?.loc).toEqual(['body', 'external_id']);
    const noEmail = await polar.post<PolarValidationBody>(url('/v1/customers/'), tenant.key, { name: 'Nobody' });
    expect(noEmail.status).toBe(422);
    expect(noEmail.body.detail[0]?.loc).toEqual(['body', 'email']);
  });

  it("keeps Polar's service rules on an update: the individual owner's email, a team's type, the external id", async () => {
    const solo = await createCustomer(server.url, tenant.key, { email: 'Step@Solo.example', external_id: 'step' });
    const [owner] = (await polar.get<WireList<WireMember>>(url(`/v1/customers/${solo.id}/members`), tenant.key)).body
      .items;
    // An individual customer's owner has the customer's email: changed with the customer, never on its own.
    const direct = await polar.patch<PolarValidationBody>(url(`/v1/members/${owner?.id}`), tenant.key, {
      email: 'elsewhere@solo.example',
    });
    expect(direct.status).toBe(422);
    expect(direct.body.detail).toEqual([
      match.objectContaining({
        loc: ['body', 'email'],
        msg: "Cannot change the email of an individual customer's owner. Update the customer's email instead.",
      }),
    ]);
    expect(
      (await polar.patch(url(`/v1/customers/${solo.id}`), tenant.key, { email: 'moved@solo.example' })).status,
    ).toBe(200);
    const moved = await polar.get<WireMember>(url(`/v1/members/${owner?.id}`), tenant.key);
    expect(moved.body).toMatchObject({ email: 'moved@solo.example', role: 'owner' });

    // A team stays a team, and an external id once set stays; both refusals at once, in Polar's words.
    const both = await polar.patch<PolarValidationBody>(url(`/v1/customers/${team.id}`), tenant.key, {
      type: 'individual',
      external_id: 'another',
    });
    expect(both.status).toBe(422);
    expect(both.body.detail.map((issue) => [issue.loc, issue.msg])).toEqual([
      [['body', 'external_id'], 'Customer external ID cannot be updated.'],
      [['body', 'type'], "Customer type cannot be downgraded from 'team' to 'individual'."],
    ]);
  });

  it("gets and lists customers, and never another organization's", async () => {
    expect((await polar.get(url(`/v1/customers/${team.id}`), tenant.key)).status).toBe(200);
    const list = await polar.get<WireList<WireCustomer>>(url('/v1/customers/?limit=1'), tenant.key);
    expect(list.body.pagination.total_count).toBeGreaterThanOrEqual(2);
    expect(list.body.items).toHaveLength(1);
    const stranger = await createTenant(server.db);
    const notFound = await polar.get<PolarErrorBody>(url(`/v1/customers/${team.id}`), stranger.key);
    expect(notFound.status).toBe(404);
    expect(notFound.body).toEqual({ error: 'ResourceNotFound', detail: match.any(String) });
  });
});

describe('members of a customer', () => {
  it('creates with the exact wire shape at /v1/members and /v1/members/', async () => {
    const a = await polar.post<WireMember>(url('/v1/members'), tenant.key, {
      customer_id: team.id,
      email: 'a@example.com',
    });
    expect(a.status).toBe(201);
    expect(Object.keys(a.body).sort()).toEqual(memberKeys);
    expect(a.body).toMatchObject({ role: 'member', name: null, external_id: null, modified_at: null });
    expect(a.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    const b = await polar.post<WireMember>(url('/v1/members/'), tenant.key, {
      customer_id: team.id,
      email: 'b@example.com',
      role: 'billing_manager',
    });
    expect(b.status).toBe(201);
    expect(b.body.role).toBe('billing_manager');
  });

  it('trims name and external_id, and treats empty ones as null', async () => {
    const member = await addMember(server.url, tenant.key, {
      customer_id: team.id,
      email: 'trim@example.com',
      name: '  Trim  ',
      external_id: '   ',
    });
    expect(member).toMatchObject({ name: 'Trim', external_id: null });
  });

  it('returns the existing member, unchanged, for an email already in the customer (any case)', async () => {
    const first = await addMember(server.url, tenant.key, {
      customer_id: team.id,
      email: 'Dup@Example.com',
      name: 'First',
    });
    const again = await polar.post<WireMember>(url('/v1/members'), tenant.key, {
      customer_id: team.id,
      email: 'dup@example.COM',
      name: 'Second',
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first);
  });

  it('refuses an external_id already used in the customer (422; bad fields: packages/rest/test)', async () => {
    await addMember(server.url, tenant.key, { customer_id: team.id, email: 'ext1@example.com', external_id: 'usr_1' });
    const duplicate = await polar.post<PolarValidationBody>(url('/v1/members'), tenant.key, {
      customer_id: team.id,
      email: 'ext2@example.com',
      external_id: 'usr_1',
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toEqual({
      error: 'RequestValidationError',
      detail: [{ type: 'value_error', loc: ['body', 'external_id'], msg: match.any(String), input: 'usr_1' }],
    });
  });

  it('404s a customer of another organization or none', async () => {
    const stranger = await createTenant(server.db);
    const theirs = await polar.post<PolarErrorBody>(url('/v1/members'), stranger.key, {
      customer_id: team.id,
      email: 'spy@example.com',
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error).toBe('ResourceNotFound');
    const none = await polar.post(url('/v1/members'), tenant.key, {
      customer_id: '00000000-0000-4000-8000-000000000000',
      email: 'x@example.com',
    });
    expect(none.status).toBe(404);
    // Listing by another organization's customer is an empty page, as in Polar.
    const list = await polar.get<WireList<WireMember>>(url(`/v1/members/?customer_id=${team.id}`), stranger.key);
    expect(list.body).toEqual({ items: [], pagination: { total_count: 0, max_page: 0 } });
  });

  it('403s a new member of an individual customer, which already has its owner', async () => {
    const solo = await createCustomer(server.url, tenant.key, { email: 'alone@example.com' });
    const reply = await polar.post<PolarErrorBody>(url('/v1/members'), tenant.key, {
      customer_id: solo.id,
      email: 'friend@example.com',
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ error: 'NotPermitted', detail: match.any(String) });
  });

  it('updates name, email and role; refuses a duplicate email and demoting the owner', async () => {
    const member = await addMember(server.url, tenant.key, {
      customer_id: team.id,
      email: 'upd@example.com',
      external_id: 'keep',
    });
    const updated = await polar.patch<WireMember>(url(`/v1/members/${member.id}`), tenant.key, {
      name: 'Updated',
      email: 'Upd2@example.com',
      external_id: 'changed',
      customer_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Updated', email: 'Upd2@example.com', external_id: 'keep' });
    expect(updated.body.modified_at).not.toBeNull();

    const taken = await polar.patch<PolarValidationBody>(url(`/v1/members/${member.id}`), tenant.key, {
      email: 'OWNER@acme.example',
    });
    expect(taken.status).toBe(422);
    expect(taken.body.detail[0]?.loc).toEqual(['body', 'email']);

    const owners = await polar.get<WireList<WireMember>>(
      url(`/v1/members/?customer_id=${team.id}&role=owner`),
      tenant.key,
    );
    const owner = owners.body.items[0];
    const demote = await polar.patch<PolarValidationBody>(url(`/v1/members/${owner?.id}`), tenant.key, {
      role: 'member',
    });
    expect(demote.status).toBe(422);
    expect(demote.body.detail[0]?.loc).toEqual(['body', 'role']);
    const remove = await polar.delete<PolarValidationBody>(url(`/v1/members/${owner?.id}`), tenant.key);
    expect(remove.status).toBe(422);
  });

  it('soft-deletes with 204 and an empty body, after which the email and external id are free again', async () => {
    const member = await addMember(server.url, tenant.key, {
      customer_id: team.id,
      email: 'reuse@example.com',
      external_id: 'reuse',
    });
    const deleted = await fetch(url(`/v1/members/${member.id}`), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${tenant.key}` },
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await polar.get(url(`/v1/members/${member.id}`), tenant.key)).status).toBe(404);
    const again = await addMember(server.url, tenant.key, {
      customer_id: team.id,
      email: 'reuse@example.com',
      external_id: 'reuse',
    });
    expect(again.id).not.toBe(member.id);
  });

  it('serves the same member routes nested under the customer', async () => {
    const created = await polar.post<WireMember>(url(`/v1/customers/${team.id}/members`), tenant.key, {
      email: 'nested@example.com',
    });
    expect(created.status).toBe(201);
    expect(created.body.customer_id).toBe(team.id);
    const path = url(`/v1/customers/${team.id}/members/${created.body.id}`);
    expect((await polar.get<WireMember>(path, tenant.key)).body.email).toBe('nested@example.com');
    expect((await polar.patch<WireMember>(path, tenant.key, { name: 'Nested' })).body.name).toBe('Nested');
    const other = await createCustomer(server.url, tenant.key, { type: 'team', email: 'o@other.example' });
    expect((await polar.get(url(`/v1/customers/${other.id}/members/${created.body.id}`), tenant.key)).status).toBe(404);
    expect((await polar.delete(path, tenant.key)).status).toBe(204);
    const bad = await polar.get<PolarValidationBody>(
      url(`/v1/customers/not-a-uuid/members/${created.body.id}`),
      tenant.key,
    );
    expect(bad.body.detail[0]?.loc).toEqual(['path', 'id']);
  });

  it('serves the by-external-id routes, requiring exactly one of customer_id and external_customer_id', async () => {
    await addMember(server.url, tenant.key, { customer_id: team.id, email: 'x1@example.com', external_id: 'x1' });
    expect((await polar.get(url(`/v1/members/external/x1?customer_id=${team.id}`), tenant.key)).status).toBe(200);
    expect((await polar.get(url('/v1/members/external/x1?external_customer_id=acme'), tenant.key)).status).toBe(200);
    for (const query of ['', `?customer_id=${team.id}&external_customer_id=acme`]) {
      const reply = await polar.get<PolarValidationBody>(url(`/v1/members/external/x1${query}`), tenant.key);
      expect(reply.status, query).toBe(422);
      expect(reply.body.error).toBe('RequestValidationError');
    }
    const patched = await polar.patch<WireMember>(url(`/v1/members/external/x1?customer_id=${team.id}`), tenant.key, {
      name: 'X',
    });
    expect(patched.body.name).toBe('X');
    expect((await polar.delete(url(`/v1/members/external/x1?external_customer_id=acme`), tenant.key)).status).toBe(204);
    expect((await polar.get(url(`/v1/members/external/x1?customer_id=${team.id}`), tenant.key)).status).toBe(404);
  });

  it('lists with filters, pages, sorting, and a limit capped at 100', async () => {
    const listed = await createCustomer(server.url, tenant.key, {
      type: 'team',
      email: 'lister@example.com',
      external_id: 'lister',
    });
    for (let i = 0; i < 4; i++)
      await addMember(server.url, tenant.key, { customer_id: listed.id, email: `l${i}@example.com` });
    const ascending = await polar.get<WireList<WireMember>>(
      url(`/v1/members/?external_customer_id=lister&sorting=created_at&limit=2&page=1`),
      tenant.key,
    );
    expect(ascending.body.pagination).toEqual({ total_count: 5, max_page: 3 });
    expect(ascending.body.items[0]?.email).toBe('lister@example.com');
    const last = await polar.get<WireList<WireMember>>(
      url(`/v1/members/?external_customer_id=lister&sorting=created_at&limit=2&page=3`),
      tenant.key,
    );
    expect(last.body.items.map((member) => member.email)).toEqual(['l3@example.com']);
    const capped = await polar.get<WireList<WireMember>>(
      url(`/v1/members/?customer_id=${listed.id}&limit=1000`),
      tenant.key,
    );
    expect(capped.status).toBe(200);
    expect(capped.body.pagination.max_page).toBe(1);
    const invalid = await polar.get<PolarValidationBody>(url('/v1/members/?page=0&limit=abc&sorting=name'), tenant.key);
    expect(invalid.body.detail.map((item) => item.loc.join('.'))).toEqual([
      'query.page',
      'query.limit',
      'query.sorting.0',
    ]);
  });
});

describe('auth on the Polar surface', () => {
  it('401s with WWW-Authenticate: Bearer and 403s a missing scope with NotPermitted', async () => {
    const anonymous = await fetch(url('/v1/members/'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(await anonymous.json()).toEqual({ error: 'Unauthorized', detail: 'Unauthorized' });
    const wrong = await polar.get<PolarErrorBody>(url('/v1/members/'), 'mk_wrong');
    expect(wrong.body).toEqual({ error: 'Unauthorized', detail: 'Unauthorized' });

    const membersOnly = await tenant.keyWith(['members:read']);
    const forbidden = await polar.post<PolarErrorBody>(url('/v1/members'), membersOnly, {
      customer_id: team.id,
      email: 'no@example.com',
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ error: 'NotPermitted', detail: match.stringContaining('members:write') });
    expect((await polar.get(url('/v1/customers/'), membersOnly)).status).toBe(403);
    expect((await polar.get(url('/v1/members/'), membersOnly)).status).toBe(200);
  });

  it('reports a body that is not JSON as a 422 json_invalid', async () => {
    const reply = await fetch(url('/v1/members'), {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.key}`, 'content-type': 'application/json' },
      body: '{"customer_id": ',
    });
    expect(reply.status).toBe(422);
    expect(await reply.json()).toMatchObject({ error: 'RequestValidationError', detail: [{ type: 'json_invalid' }] });
  });
});

describe('concurrency', () => {
  it('20 concurrent creates of one email in one customer: one member, every response 201 with the same id', async () => {
    const crowd = await createCustomer(server.url, tenant.key, { type: 'team', email: 'crowd@example.com' });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        polar.post<WireMember>(url('/v1/members'), tenant.key, {
          customer_id: crowd.id,
          email: i % 2 ? 'Same@Example.com' : 'same@example.com',
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array<number>(20).fill(201));
    expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(1);
    expect(
      await server.db
        .fork()
        .count(CustomerMember, { customer: crowd.id, emailKey: 'same@example.com', deletedAt: null }),
    ).toBe(1);
  });

  it('concurrent ownership transfers leave exactly one owner', async () => {
    const crew = await createCustomer(server.url, tenant.key, { type: 'team', email: 'crew@example.com' });
    const members = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        addMember(server.url, tenant.key, { customer_id: crew.id, email: `crew${i}@example.com` }),
      ),
    );
    const replies = await Promise.all(
      members.map((member) => polar.patch(url(`/v1/members/${member.id}`), tenant.key, { role: 'owner' })),
    );
    expect(replies.every((reply) => reply.status === 200 || reply.status === 422)).toBe(true);
    const owners = await polar.get<WireList<WireMember>>(
      url(`/v1/members/?customer_id=${crew.id}&role=owner`),
      tenant.key,
    );
    expect(owners.body.pagination.total_count).toBe(1);
  });
});
