import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Polar } from '@polar-sh/sdk';
import { HTTPValidationError } from '@polar-sh/sdk/models/errors/httpvalidationerror.js';
import { ResourceNotFound } from '@polar-sh/sdk/models/errors/resourcenotfound.js';
import type { Customer } from '@polar-sh/sdk/models/components/customer.js';
import { Organization } from '@members/db';
import { conformingHttpClient } from '../support/polar-conformance.js';
import { rejection } from '../support/rejection.js';
import { request } from '../support/http.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';

let server: TestServer;
let tenant: Tenant;
let polar: Polar;
let organizationPublicId: string;

/** A uuid v7 and the nil uuid: valid uuids that name nothing here. */
const v7 = '01936f3a-7c4e-7a3b-9d2e-5f6a7b8c9d0e';
const nil = '00000000-0000-0000-0000-000000000000';

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  polar = new Polar({ accessToken: tenant.key, serverURL: server.url, httpClient: conformingHttpClient() });
  const organization = await server.db.fork().findOneOrFail(Organization, { id: tenant.organizationId });
  organizationPublicId = organization.publicId;
});
afterAll(() => server.close());

describe('customers through the official Polar SDK (0.48.1)', () => {
  let acme: Customer;

  it('create: the organization is named by its uuid4 public id', async () => {
    acme = await polar.customers.create({
      type: 'team',
      email: 'billing@acme.example',
      name: 'Acme',
      externalId: 'acme',
      metadata: { tier: 'gold', seats: 10, trial: false },
    });
    expect(acme).toMatchObject({
      type: 'team',
      organizationId: organizationPublicId,
      metadata: { tier: 'gold', seats: 10, trial: false },
      billingAddress: null,
      taxId: null,
      deletedAt: null,
    });
    expect(organizationPublicId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('get and getExternal; a uuid v7 or the nil uuid is 404, not 422', async () => {
    expect(await polar.customers.get({ id: acme.id })).toEqual(acme);
    expect(await polar.customers.getExternal({ externalId: 'acme' })).toEqual(acme);
    await rejection(polar.customers.get({ id: v7 }), ResourceNotFound);
    await rejection(polar.customers.get({ id: nil }), ResourceNotFound);
    await rejection(polar.customers.getExternal({ externalId: 'nobody' }), ResourceNotFound);
  });

  it('update and updateExternal: null leaves email and metadata, clears name; external id is set once', async () => {
    const renamed = await polar.customers.update({
      id: acme.id,
      customerUpdate: { name: 'Acme Inc.', metadata: { tier: 'platinum' }, email: null },
    });
    expect(renamed).toMatchObject({ name: 'Acme Inc.', email: 'billing@acme.example', metadata: { tier: 'platinum' } });
    expect(renamed.modifiedAt).toBeInstanceOf(Date);

    const cleared = await polar.customers.updateExternal({
      externalId: 'acme',
      customerUpdateExternalID: { name: null, email: 'accounts@acme.example' },
    });
    expect(cleared).toMatchObject({ name: null, email: 'accounts@acme.example', metadata: { tier: 'platinum' } });

    const error = await rejection(
      polar.customers.update({ id: acme.id, customerUpdate: { externalId: 'acme-2' } }),
      HTTPValidationError,
    );
    expect(error.detail?.[0]?.loc).toEqual(['body', 'external_id']);
    await rejection(polar.customers.update({ id: v7, customerUpdate: { name: 'x' } }), ResourceNotFound);
  });

  it('refuses metadata beyond the official limits, and takes it up to them', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, `v${i}`]));
    const tooMany = { ...fifty, k50: 'v50' };
    const full = await polar.customers.create({ email: 'fifty@example.com', metadata: fifty });
    expect(Object.keys(full.metadata)).toHaveLength(50);
    const beyond: Record<string, string>[] = [
      tooMany,
      { empty: '' },
      { ['k'.repeat(41)]: 'v' },
      { long: 'v'.repeat(501) },
    ];
    for (const metadata of beyond) {
      await rejection(polar.customers.create({ email: 'limits@example.com', metadata }), HTTPValidationError);
      await rejection(polar.customers.update({ id: acme.id, customerUpdate: { metadata } }), HTTPValidationError);
    }
    expect((await polar.customers.get({ id: acme.id })).metadata).toEqual({ tier: 'platinum' });
  });
});

describe('listing customers through the SDK', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    const other = await createTenant(server.db);
    const outsider = new Polar({ accessToken: other.key, serverURL: server.url, httpClient: conformingHttpClient() });
    await outsider.customers.create({ email: 'zed@list.example', name: 'Zed' });
    ids = {};
    for (const [email, name, externalId, metadata] of [
      ['carol@list.example', 'Carol', 'list-c', { plan: 'pro', seats: 3 }],
      ['alice@list.example', 'Alice', 'list-a', { plan: 'free', beta: true }],
      ['bob@list.example', null, 'list-b', { plan: 'pro', seats: 5 }],
    ] as const) {
      const created = await polar.customers.create({ email, name, externalId, metadata });
      ids[externalId] = created.id;
    }
  });

  const listed = async (filters: Parameters<Polar['customers']['list']>[0]) => {
    const page = await polar.customers.list({ limit: 100, query: 'list.example', ...filters });
    return page.result.items.map((customer) => customer.externalId);
  };

  it('sorts by created_at, email and name, each both ways (names missing last)', async () => {
    expect(await listed({})).toEqual(['list-b', 'list-a', 'list-c']);
    expect(await listed({ sorting: ['created_at'] })).toEqual(['list-c', 'list-a', 'list-b']);
    expect(await listed({ sorting: ['email'] })).toEqual(['list-a', 'list-b', 'list-c']);
    expect(await listed({ sorting: ['-email'] })).toEqual(['list-c', 'list-b', 'list-a']);
    expect(await listed({ sorting: ['name'] })).toEqual(['list-a', 'list-c', 'list-b']);
    expect(await listed({ sorting: ['-name'] })).toEqual(['list-c', 'list-a', 'list-b']);
  });

  it('filters by exact email, by query over name, email and external id, in any case', async () => {
    expect(await listed({ email: 'alice@list.example' })).toEqual(['list-a']);
    expect(await listed({ email: 'alice@list' })).toEqual([]);
    expect(await listed({ query: 'CAROL' })).toEqual(['list-c']);
    expect(await listed({ query: 'list-b' })).toEqual(['list-b']);
    expect(await listed({ query: '%' })).toEqual([]);
  });

  it('filters by metadata (every key; a repeated key matches any value; numbers and booleans as text)', async () => {
    expect(await listed({ metadata: { plan: 'pro' }, sorting: ['email'] })).toEqual(['list-b', 'list-c']);
    expect(await listed({ metadata: { plan: 'pro', seats: 5 } })).toEqual(['list-b']);
    expect(await listed({ metadata: { beta: true } })).toEqual(['list-a']);
    expect(await listed({ metadata: { plan: ['free', 'pro'] }, sorting: ['email'] })).toEqual([
      'list-a',
      'list-b',
      'list-c',
    ]);
    expect(await listed({ metadata: { plan: 'enterprise' } })).toEqual([]);
  });

  it('filters by organization_id (its own public id; another is an empty page) and by active', async () => {
    expect(await listed({ organizationId: organizationPublicId })).toHaveLength(3);
    expect(await listed({ organizationId: [v7, organizationPublicId] })).toHaveLength(3);
    expect(await listed({ organizationId: v7 })).toEqual([]);
    expect(await listed({ active: true })).toEqual([]);
    expect(await listed({ active: false })).toHaveLength(3);
  });

  it('paginates with the SDK iterator', async () => {
    const seen: string[] = [];
    for await (const page of await polar.customers.list({ query: 'list.example', limit: 2 })) {
      seen.push(...page.result.items.map((customer) => customer.externalId ?? ''));
      expect(page.result.pagination).toEqual({ totalCount: 3, maxPage: 2 });
    }
    expect(seen).toEqual(['list-b', 'list-a', 'list-c']);
  });
});

describe('deleting customers through the SDK', () => {
  it('delete: the customer and its members are gone, their email and external ids free again', async () => {
    const team = await polar.customers.create({ type: 'team', email: 'gone@team.example', externalId: 'gone' });
    const member = await polar.members.createMember({
      customerId: team.id,
      email: 'worker@team.example',
      externalId: 'worker',
    });
    await polar.customers.delete({ id: team.id });

    await rejection(polar.customers.get({ id: team.id }), ResourceNotFound);
    await rejection(polar.members.getMember({ id: member.id }), ResourceNotFound);
    expect((await polar.members.listMembers({ customerId: team.id })).result.items).toEqual([]);
    await rejection(polar.customers.delete({ id: team.id }), ResourceNotFound);
    await rejection(polar.members.createMember({ customerId: team.id, email: 'late@team.example' }), ResourceNotFound);

    const again = await polar.customers.create({ type: 'team', email: 'gone@team.example', externalId: 'gone' });
    const rejoined = await polar.members.createMember({
      customerId: again.id,
      email: 'worker@team.example',
      externalId: 'worker',
    });
    expect(rejoined.id).not.toBe(member.id);
    expect((await polar.customers.getExternal({ externalId: 'gone' })).id).toBe(again.id);
  });

  it('deleteExternal, with or without anonymize', async () => {
    await polar.customers.create({ email: 'ext-gone@example.com', externalId: 'ext-gone' });
    await polar.customers.deleteExternal({ externalId: 'ext-gone', anonymize: true });
    await rejection(polar.customers.getExternal({ externalId: 'ext-gone' }), ResourceNotFound);
    await rejection(polar.customers.deleteExternal({ externalId: 'ext-gone' }), ResourceNotFound);
  });
});

describe('members through the SDK, where Polar allows nulls and any uuid', () => {
  it('updateMember with role: null changes nothing else; name: null clears the name', async () => {
    const team = await polar.customers.create({ type: 'team', email: 'nulls@team.example' });
    const member = await polar.members.createMember({ customerId: team.id, email: 'n@team.example', name: 'N' });
    const same = await polar.members.updateMember({ id: member.id, memberUpdate: { role: null } });
    expect(same).toMatchObject({ role: 'member', name: 'N', modifiedAt: null });
    const cleared = await polar.members.updateMember({ id: member.id, memberUpdate: { name: null, role: null } });
    expect(cleared).toMatchObject({ role: 'member', name: null });
  });

  it('answers 404 to a uuid v7 or nil member id, 422 to a customer_id in a body that is not a uuid4, and an empty page to a customer_id naming nothing', async () => {
    await rejection(polar.members.getMember({ id: v7 }), ResourceNotFound);
    await rejection(polar.members.updateMember({ id: nil, memberUpdate: { name: 'x' } }), ResourceNotFound);
    await rejection(polar.members.deleteMember({ id: v7 }), ResourceNotFound);
    // Polar's MemberCreate says uuid4 for the body's customer_id: pydantic's words for another version.
    const notV4 = await rejection(
      polar.members.createMember({ customerId: v7, email: 'x@example.com' }),
      HTTPValidationError,
    );
    expect(notV4.detail).toEqual([
      { type: 'uuid_version', loc: ['body', 'customer_id'], msg: 'UUID version 4 expected', input: v7 },
    ]);
    expect((await polar.members.listMembers({ customerId: v7 })).result.items).toEqual([]);
    expect((await polar.members.listMembers({ customerId: 'not-a-uuid' })).result.items).toEqual([]);
  });
});

describe('what the SDK never sends, over plain HTTP', () => {
  it('a PATCH with no body is 422; an empty object changes nothing', async () => {
    const team = await polar.customers.create({ type: 'team', email: 'patch@team.example' });
    const member = await polar.members.createMember({ customerId: team.id, email: 'p@team.example' });
    for (const path of [`/v1/members/${member.id}`, `/v1/customers/${team.id}/members/${member.id}`]) {
      const empty = await request(`${server.url}${path}`, { method: 'PATCH', bearer: tenant.key });
      expect(empty.status).toBe(422);
      expect(empty.body).toEqual({
        error: 'RequestValidationError',
        detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
      });
      expect((await request(`${server.url}${path}`, { method: 'PATCH', bearer: tenant.key, body: {} })).status).toBe(
        200,
      );
    }
    const customerPatch = await request(`${server.url}/v1/customers/${team.id}`, {
      method: 'PATCH',
      bearer: tenant.key,
    });
    expect(customerPatch.status).toBe(422);
  });

  it('the nested PATCH takes email: null as no change', async () => {
    const team = await polar.customers.create({ type: 'team', email: 'nested@team.example' });
    const member = await polar.members.createMember({ customerId: team.id, email: 'q@team.example' });
    const reply = await request(`${server.url}/v1/customers/${team.id}/members/${member.id}`, {
      method: 'PATCH',
      bearer: tenant.key,
      body: { email: null, role: null, name: 'Q' },
    });
    expect(reply.body).toMatchObject({ email: 'q@team.example', role: 'member', name: 'Q' });
  });
});
