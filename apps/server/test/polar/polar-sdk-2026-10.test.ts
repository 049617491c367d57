import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolar, type Polar } from '@polar-sh/sdk-2026-10/2026-10';
import { createCustomer, organizationScope } from '@members/api';
import { customerCreateInput } from '@members/contracts';
import { rawQuery, WebhookEvent } from '@members/db';
import { conformingFetch } from '../support/polar-conformance.js';
import { request } from '../support/http.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';

/**
 * Polar's current SDK (1.0.1, API 2026-10) as a Polar user installs it today: every call it has for customers,
 * their members, customer sessions and the customer portal's members. It calls the global fetch, which checks each
 * response against the official documents for the length of this file.
 */
let server: TestServer;
let tenant: Tenant;
let polar: Polar;
const originalFetch = globalThis.fetch;

beforeAll(async () => {
  globalThis.fetch = conformingFetch(originalFetch);
  server = await startServer();
  tenant = await createTenant(server.db);
  polar = createPolar({ accessToken: tenant.key, baseUrl: server.url });
});
afterAll(async () => {
  globalThis.fetch = originalFetch;
  await server.close();
});

/** The SDK's error for a call that must fail: its status and the body Polar would send. */
async function failure(call: Promise<unknown>): Promise<{ statusCode: number; error: unknown }> {
  try {
    await call;
  } catch (caught) {
    if (caught instanceof Error && 'statusCode' in caught && 'error' in caught) {
      const { statusCode, error } = caught as Error & { statusCode: number; error: unknown };
      return { statusCode, error: typeof error === 'string' ? (JSON.parse(error) as unknown) : error };
    }
    throw caught;
  }
  throw new Error('expected the call to fail');
}

/** A client of the customer portal, signed in with a session token. */
const portalAs = (token: string) => createPolar({ accessToken: token, baseUrl: server.url });

describe('customers through @polar-sh/sdk 1.0.1 (2026-10)', () => {
  it('create, get, getExternal, update, updateExternal, list, iterList, export, delete, deleteExternal', async () => {
    const acme = await polar.customers.create({
      type: 'team',
      email: 'billing@acme-10.example',
      external_id: 'acme-10',
    });
    expect(acme).toMatchObject({ type: 'team', external_id: 'acme-10', billing_name: null, first_user_event_at: null });
    // Polar's avatar: Gravatar's URL of the SHA-256 of the email.
    const gravatar = createHash('sha256').update('billing@acme-10.example').digest('hex');
    expect(acme.avatar_url).toBe(`https://www.gravatar.com/avatar/${gravatar}?d=404`);
    // A team without an email shows its owner's, in every answer that carries the customer.
    const emailless = await polar.customers.create({ type: 'team', owner: { email: 'Boss@NoEmail.example' } });
    const bossAvatar = `https://www.gravatar.com/avatar/${createHash('sha256').update('boss@noemail.example').digest('hex')}?d=404`;
    expect(emailless.avatar_url).toBe(bossAvatar);
    expect((await polar.customers.get(emailless.id)).avatar_url).toBe(bossAvatar);
    const listed = (await polar.customers.list({ limit: 100 })).items.find((customer) => customer.id === emailless.id);
    expect(listed?.avatar_url).toBe(bossAvatar);
    await polar.customers.delete(emailless.id);
    expect(await polar.customers.get(acme.id)).toEqual(acme);
    expect(await polar.customers.getExternal('acme-10')).toEqual(acme);
    const renamed = await polar.customers.update(acme.id, { name: 'Acme, "the" company' });
    expect(renamed.name).toBe('Acme, "the" company');
    expect((await polar.customers.updateExternal('acme-10', { metadata: { plan: 'team' } })).metadata).toEqual({
      plan: 'team',
    });
    const solo = await polar.customers.create({
      email: 'solo@10.example',
      external_id: 'solo-10',
      name: 'Solo Ltd',
      owner: { email: 'person@10.example' },
    });
    // Any customer may name its owner; what the owner leaves out is the customer's own.
    expect((await polar.customers.members.list(solo.id)).items).toMatchObject([
      { email: 'person@10.example', name: 'Solo Ltd', external_id: 'solo-10', role: 'owner' },
    ]);
    const page = await polar.customers.list({ query: 'acme-10' });
    expect(page.items.map((customer) => customer.id)).toEqual([acme.id]);
    const all: string[] = [];
    for await (const customer of polar.customers.iterList({ limit: 1 })) all.push(customer.id);
    expect(all.sort()).toEqual([acme.id, solo.id].sort());

    // The export is Polar's CSV: its header, then a line per customer, quoted where a field needs it.
    const csv = await polar.customers.export();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'ID,External ID,Created At,Email,Name,Tax ID,Billing Address Line 1,Billing Address Line 2,Billing Address City,Billing Address State,Billing Address Zip,Billing Address Country,Metadata',
    );
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.startsWith(acme.id))).toBe(
      `${acme.id},acme-10,${acme.created_at.replace('+00:00', '.000Z').replace(/(\.\d{3})\d*Z$/, '$1Z')},billing@acme-10.example,"Acme, ""the"" company",,,,,,,,"{""plan"":""team""}"`,
    );
    expect(await polar.customers.export({ organization_id: '1dbfc517-0bbf-4301-9ba8-555ca42b9737' })).toBe(
      `${lines[0]}\r\n`,
    );

    await polar.customers.delete(solo.id);
    await polar.customers.deleteExternal('acme-10');
    expect((await polar.customers.list()).items).toEqual([]);
    expect((await failure(polar.customers.get(acme.id))).statusCode).toBe(404);
  });
});

describe('the customers export, past one read of the database', () => {
  it('streams every customer once, oldest first, however many reads it takes', async () => {
    const own = await createTenant(server.db);
    const client = createPolar({ accessToken: own.key, baseUrl: server.url });
    const total = 1234;
    // Made in this process, through the service the create route calls: what is tested is the export's many reads,
    // not a thousand requests (which, a hundred at a time on a loaded machine, met the SDK's 5 s timeout and
    // keep-alive sockets closed under them).
    // Each create gives the event loop a turn: SQLite answers synchronously, and a loop that never lets timers run
    // leaves the server closing idle keep-alive sockets at the moment the export's fetch takes one of them.
    for (let i = 0; i < total; i++) {
      const scope = await organizationScope(server.db, own.organizationId);
      await createCustomer(scope, customerCreateInput.parse({ email: `export-${i}@example.com` }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const lines = (await client.customers.export()).trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(total);
    const emails = lines.map((line) => line.split(',')[3]);
    expect(new Set(emails).size).toBe(total);
    const created = lines.map((line) => Date.parse(line.split(',')[2] ?? ''));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  }, 60_000);
});

describe('customer members through @polar-sh/sdk 1.0.1, by id and by external id', () => {
  it('create, createExternal, list, listExternal, iterList, get, getExternal, update, updateExternal, delete, deleteExternal', async () => {
    const team = await polar.customers.create({
      type: 'team',
      email: 'owner@team-10.example',
      external_id: 'team-10',
      owner: { email: 'owner@team-10.example', external_id: 'owner-10' },
    });
    const ada = await polar.customers.members.create(team.id, { email: 'ada@team-10.example', external_id: 'ada' });
    const bob = await polar.customers.members.createExternal('team-10', {
      email: 'bob@team-10.example',
      role: 'billing_manager',
      external_id: 'bob',
    });
    expect(ada).toMatchObject({ customer_id: team.id, role: 'member', external_id: 'ada' });
    expect(bob).toMatchObject({ customer_id: team.id, role: 'billing_manager' });

    const byId = await polar.customers.members.list(team.id, { sorting: ['created_at'] });
    expect(byId.items.map((member) => member.email)).toEqual([
      'owner@team-10.example',
      'ada@team-10.example',
      'bob@team-10.example',
    ]);
    expect(byId.pagination).toEqual({ total_count: 3, max_page: 1 });
    expect((await polar.customers.members.listExternal('team-10', { role: 'billing_manager' })).items).toEqual([bob]);
    const iterated: string[] = [];
    for await (const member of polar.customers.members.iterList(team.id, { limit: 2 })) iterated.push(member.id);
    expect(iterated).toHaveLength(3);
    const external: string[] = [];
    for await (const member of polar.customers.members.iterListExternal('team-10', { limit: 1 }))
      external.push(member.id);
    expect(external.sort()).toEqual(iterated.sort());

    expect(await polar.customers.members.get(team.id, ada.id)).toEqual(ada);
    expect(await polar.customers.members.getExternal('team-10', 'bob')).toEqual(bob);
    // role owner transfers ownership: the old owner becomes a billing manager.
    const promoted = await polar.customers.members.update(team.id, ada.id, { role: 'owner' });
    expect(promoted.role).toBe('owner');
    expect((await polar.customers.members.getExternal('team-10', 'owner-10')).role).toBe('billing_manager');
    // The only owner cannot be demoted: Polar's words and location.
    expect(await failure(polar.customers.members.update(team.id, ada.id, { role: 'member' }))).toMatchObject({
      statusCode: 422,
      error: {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'role'],
            msg: 'Cannot change role. Customer must have exactly one owner.',
          },
        ],
      },
    });
    expect((await polar.customers.members.updateExternal('team-10', 'bob', { name: 'Bob' })).name).toBe('Bob');
    await polar.customers.members.delete(team.id, bob.id);
    await polar.customers.members.deleteExternal('team-10', 'owner-10');
    expect((await polar.customers.members.list(team.id)).items.map((member) => member.id)).toEqual([ada.id]);
  });

  it('answers Polar’s errors: an unknown customer 404, an individual customer’s members 403, a bad id 422', async () => {
    const unknown = await failure(polar.customers.members.listExternal('nobody'));
    expect(unknown).toEqual({ statusCode: 404, error: { error: 'ResourceNotFound', detail: 'Customer not found' } });
    expect((await failure(polar.customers.members.list('01936f3a-7c4e-7a3b-9d2e-5f6a7b8c9d0e'))).statusCode).toBe(404);
    const individual = await polar.customers.create({ email: 'alone@10.example', external_id: 'alone-10' });
    const refused = await failure(polar.customers.members.createExternal('alone-10', { email: 'plus-one@10.example' }));
    expect(refused).toMatchObject({ statusCode: 403, error: { error: 'NotPermitted' } });
    expect(
      (await failure(polar.customers.members.getExternal(individual.external_id ?? '', 'nobody'))).statusCode,
    ).toBe(404);
    const invalid = await failure(polar.customers.members.create(individual.id, { email: 'not-an-email' }));
    expect(invalid).toMatchObject({
      statusCode: 422,
      error: { error: 'RequestValidationError', detail: [{ loc: ['body', 'email'] }] },
    });
  });

  it('takes Polar-Version 2026-06-08, 2026-10 or none, and refuses another', async () => {
    const at = (version?: string) =>
      request(`${server.url}/v1/customers/`, {
        bearer: tenant.key,
        headers: version === undefined ? {} : { 'polar-version': version },
      });
    for (const version of ['2026-06-08', '2026-10', undefined]) expect((await at(version)).status).toBe(200);
    const unknown = await at('2027-01');
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      error: 'RequestValidationError',
      detail: [{ type: 'enum', loc: ['header', 'polar-version'], input: '2027-01' }],
    });
  });
});

describe('customer sessions and the customer portal through @polar-sh/sdk 1.0.1', () => {
  let teamId: string;
  let ownerToken: string;

  beforeAll(async () => {
    const team = await polar.customers.create({
      type: 'team',
      email: 'owner@portal.example',
      external_id: 'portal-team',
      owner: { email: 'owner@portal.example', name: 'Olive Owner', external_id: 'olive' },
    });
    teamId = team.id;
  });

  it("refuses a team's session that names no member, as Polar does", async () => {
    expect(await failure(polar.customerSessions.create({ customer_id: teamId }))).toEqual({
      statusCode: 422,
      error: {
        error: 'RequestValidationError',
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'member_id'],
            msg: 'member_id is required for team customers.',
            input: null,
          },
        ],
      },
    });
  });

  it("creates the named member's session: the token shown once, kept as its hash, for an hour", async () => {
    const before = Date.now();
    const session = await polar.customerSessions.create({
      customer_id: teamId,
      external_member_id: 'olive',
      return_url: 'https://app.example/account',
    });
    ownerToken = session.token;
    expect(session).toMatchObject({
      customer_id: teamId,
      return_url: 'https://app.example/account',
      customer: { id: teamId },
    });
    expect(session.token).toMatch(/^polar_mst_/);
    const expiresIn = Date.parse(session.expires_at) - before;
    expect(expiresIn).toBeGreaterThan(59 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(61 * 60_000);
    const portalUrl = new URL(session.customer_portal_url);
    expect(`${portalUrl.origin}${portalUrl.pathname}`).toBe(`${server.url}/portal`);
    expect([...portalUrl.searchParams.keys()]).toEqual(['customer_session_token', 'email', 'return_url']);
    expect(portalUrl.searchParams.get('customer_session_token')).toBe(session.token);
    expect(portalUrl.searchParams.get('email')).toBe('owner@portal.example');
    const [stored] = await rawQuery<Record<string, unknown>>(
      server.db.fork(),
      'select * from customer_session where id = ?',
      [session.id],
    );
    expect(stored?.token_hash).toBe(createHash('sha256').update(session.token).digest('hex'));
    expect(Object.values(stored ?? {})).not.toContain(session.token);
  });

  it('names the member by id or external id, and refuses an unknown customer or member with 422, creating nothing', async () => {
    const billing = await polar.customers.members.createExternal('portal-team', {
      email: 'bill@portal.example',
      role: 'billing_manager',
      external_id: 'bill',
    });
    const byExternal = await polar.customerSessions.create({
      external_customer_id: 'portal-team',
      external_member_id: 'bill',
    });
    const whoami = await portalAs(byExternal.token).customerPortal.members.listMembers();
    expect(whoami.items.map((member) => member.id)).toContain(billing.id);
    expect((await polar.customerSessions.create({ customer_id: teamId, member_id: billing.id })).customer_id).toBe(
      teamId,
    );

    const [{ count: sessionsBefore } = { count: 0 }] = await rawQuery<{ count: number | string }>(
      server.db.fork(),
      'select count(*) as count from customer_session',
      [],
    );
    const unknownCustomer = await failure(polar.customerSessions.create({ external_customer_id: 'nobody' }));
    expect(unknownCustomer).toEqual({
      statusCode: 422,
      error: {
        error: 'RequestValidationError',
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'external_customer_id'],
            msg: 'Customer does not exist.',
            input: 'nobody',
          },
        ],
      },
    });
    const unknownMember = await failure(
      polar.customerSessions.create({ customer_id: teamId, external_member_id: 'ghost' }),
    );
    expect(unknownMember).toMatchObject({
      statusCode: 422,
      error: { detail: [{ loc: ['body', 'external_member_id'] }] },
    });
    const [{ count: sessionsAfter } = { count: 0 }] = await rawQuery<{ count: number | string }>(
      server.db.fork(),
      'select count(*) as count from customer_session',
      [],
    );
    expect(Number(sessionsAfter)).toBe(Number(sessionsBefore));
  });

  it('lets the owner list, add, re-role and remove members, emitting the same member.* events', async () => {
    await polar.webhooks.createWebhookEndpoint({
      url: 'http://127.0.0.1:9/portal-events',
      format: 'raw',
      events: ['member.created', 'member.updated', 'member.deleted'],
    });
    const portal = portalAs(ownerToken).customerPortal.members;
    const added = await portal.addMember({ email: 'new@portal.example', name: 'New Person', role: 'member' });
    expect(added).toMatchObject({ email: 'new@portal.example', name: 'New Person', role: 'member' });
    expect(Object.keys(added).sort()).toEqual(['created_at', 'email', 'id', 'modified_at', 'name', 'role']);
    // An email already in the team returns that member.
    expect((await portal.addMember({ email: 'NEW@portal.example' })).id).toBe(added.id);
    const promoted = await portal.updateMember(added.id, { role: 'billing_manager', name: 'Newly Billing' });
    expect(promoted).toMatchObject({ role: 'billing_manager', name: 'Newly Billing' });
    const listed = await portal.listMembers({ limit: 100 });
    expect(listed.items.map((member) => member.email)).toContain('new@portal.example');
    const iterated: string[] = [];
    for await (const member of portal.iterListMembers({ limit: 1 })) iterated.push(member.id);
    expect(iterated).toHaveLength(listed.pagination.total_count);
    await portal.removeMember(added.id);

    // The organization sees what the portal did.
    expect((await failure(polar.customers.members.get(teamId, added.id))).statusCode).toBe(404);
    const events = await server.db
      .fork()
      .find(WebhookEvent, { orderingKey: added.id }, { orderBy: { createdAt: 'asc' } });
    expect(events.map((event) => event.type)).toEqual(['member.created', 'member.updated', 'member.deleted']);
    expect(JSON.parse(events[0]?.payload ?? '{}')).toMatchObject({
      type: 'member.created',
      data: { customer_id: teamId },
    });
  });

  it('transfers ownership only from the owner', async () => {
    const heir = await polar.customers.members.createExternal('portal-team', {
      email: 'heir@portal.example',
      external_id: 'heir',
    });
    const billingSession = await polar.customerSessions.create({
      external_customer_id: 'portal-team',
      external_member_id: 'bill',
    });
    const byBilling = await failure(
      portalAs(billingSession.token).customerPortal.members.updateMember(heir.id, { role: 'owner' }),
    );
    expect(byBilling).toMatchObject({
      statusCode: 422,
      error: { detail: [{ loc: ['body', 'role'], msg: 'Only the owner can transfer ownership.' }] },
    });
    const handedOver = await portalAs(ownerToken).customerPortal.members.updateMember(heir.id, { role: 'owner' });
    expect(handedOver.role).toBe('owner');
    expect((await polar.customers.members.getExternal('portal-team', 'olive')).role).toBe('billing_manager');
  });
});

describe("the customer portal's refusals, each with Polar's status and body", () => {
  const forbidden = { error: 'NotPermitted' };
  let team: { id: string };
  let plainToken: string;
  let billingToken: string;
  let billingId: string;
  let ownerId: string;

  beforeAll(async () => {
    team = await polar.customers.create({ type: 'team', email: 'boss@refusals.example', external_id: 'refusals' });
    ownerId = (await polar.customers.members.listExternal('refusals')).items[0]?.id ?? '';
    const plain = await polar.customers.members.create(team.id, { email: 'plain@refusals.example' });
    const billing = await polar.customers.members.create(team.id, {
      email: 'billing@refusals.example',
      role: 'billing_manager',
    });
    billingId = billing.id;
    plainToken = (await polar.customerSessions.create({ customer_id: team.id, member_id: plain.id })).token;
    billingToken = (await polar.customerSessions.create({ customer_id: team.id, member_id: billing.id })).token;
  });

  it('an individual customer: 403', async () => {
    const solo = await polar.customers.create({ email: 'solo@refusals.example' });
    const token = (await polar.customerSessions.create({ customer_id: solo.id })).token;
    const refused = await failure(portalAs(token).customerPortal.members.listMembers());
    expect(refused.statusCode).toBe(403);
    expect(refused.error).toEqual({
      ...forbidden,
      detail:
        'Member management is only available for team customers. Purchase a seat-based product to enable team features.',
    });
  });

  it('a plain member: 403 on every portal route', async () => {
    const portal = portalAs(plainToken).customerPortal.members;
    for (const call of [
      () => portal.listMembers(),
      () => portal.addMember({ email: 'x@refusals.example' }),
      () => portal.updateMember(billingId, { name: 'x' }),
      () => portal.removeMember(billingId),
    ]) {
      expect(await failure(call())).toEqual({
        statusCode: 403,
        error: { ...forbidden, detail: 'Not permitted - requires owner or billing manager role' },
      });
    }
  });

  it('adding an owner, changing one’s own role, removing oneself, demoting the owner: 422', async () => {
    const portal = portalAs(billingToken).customerPortal.members;
    expect(await failure(portal.addMember({ email: 'owner2@refusals.example', role: 'owner' }))).toEqual({
      statusCode: 422,
      error: {
        error: 'RequestValidationError',
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'role'],
            msg: 'Cannot add a member as owner. There must be exactly one owner.',
            input: 'owner',
          },
        ],
      },
    });
    expect(await failure(portal.updateMember(billingId, { role: 'member' }))).toMatchObject({
      statusCode: 422,
      error: { detail: [{ loc: ['path', 'id'], msg: 'You cannot modify your own role.', input: billingId }] },
    });
    expect(await failure(portal.removeMember(billingId))).toMatchObject({
      statusCode: 422,
      error: { detail: [{ loc: ['path', 'id'], msg: 'You cannot remove yourself from the team.' }] },
    });
    expect(await failure(portal.updateMember(ownerId, { role: 'member' }))).toMatchObject({ statusCode: 422 });
    expect(await failure(portal.removeMember(ownerId))).toMatchObject({ statusCode: 422 });
    // The name of oneself, or a role left as it is, may change.
    expect((await portal.updateMember(billingId, { name: 'Billing', role: 'billing_manager' })).name).toBe('Billing');
  });

  it("another customer's member: 404", async () => {
    const other = await polar.customers.create({ type: 'team', email: 'other@refusals.example' });
    const stranger = await polar.customers.members.create(other.id, { email: 'stranger@refusals.example' });
    const portal = portalAs(billingToken).customerPortal.members;
    for (const call of [
      () => portal.updateMember(stranger.id, { name: 'x' }),
      () => portal.removeMember(stranger.id),
    ]) {
      expect(await failure(call())).toEqual({
        statusCode: 404,
        error: { error: 'ResourceNotFound', detail: 'Member not found' },
      });
    }
  });

  const unauthorized = { statusCode: 401, error: { error: 'Unauthorized', detail: 'Unauthorized' } };

  it('an expired or unknown token, or an API key, on a portal route: 401 with WWW-Authenticate', async () => {
    const session = await polar.customerSessions.create({ customer_id: team.id, member_id: billingId });
    await rawQuery(server.db.fork(), 'update customer_session set expires_at = ? where id = ?', [
      new Date(Date.now() - 1000),
      session.id,
    ]);
    expect(await failure(portalAs(session.token).customerPortal.members.listMembers())).toEqual(unauthorized);
    expect(await failure(portalAs('polar_mst_unknown').customerPortal.members.listMembers())).toEqual(unauthorized);
    expect(await failure(polar.customerPortal.members.listMembers())).toEqual(unauthorized);
    const plain = await request(`${server.url}/v1/customer-portal/members`, { bearer: tenant.key });
    expect(plain.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('a session token on an organization route, on any surface: 401', async () => {
    const asSession = createPolar({ accessToken: billingToken, baseUrl: server.url });
    expect(await failure(asSession.customers.list())).toEqual(unauthorized);
    expect(await failure(asSession.customers.members.list(team.id))).toEqual(unauthorized);
    expect(await failure(asSession.customerSessions.create({ customer_id: team.id }))).toEqual(unauthorized);
    const kardow = await request(`${server.url}/members`, { bearer: billingToken });
    expect(kardow.status).toBe(401);
    const trpc = await request(`${server.url}/trpc/members.list`, { bearer: billingToken });
    expect(trpc.status).toBe(401);
  });
});
