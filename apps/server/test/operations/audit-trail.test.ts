/**
 * Issue 36: the audit trail. Every mutation procedure of the contracts, called as its callers call it, writes exactly
 * one entry naming its actor, in the change's transaction, and no entry holds a value that was sent. The walk is over
 * the contracts' own list of procedures: a new mutation without a call below fails it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMembersClient, type AuditEntry, type MembersClient } from '@members/client';
import { procedureAt, procedurePaths } from '@members/contracts';
import { rawQuery, WebhookEvent } from '@members/db';
import { request } from '../support/http.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';

let server: TestServer;
let tenant: Tenant;
let admin: MembersClient;
let adminKeyId = '';

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  admin = createMembersClient({ url: server.url, apiKey: tenant.key });
  adminKeyId = (await admin.apiKeys.current.query({})).apiKey.id;
});
afterAll(() => server.close());

/** A text no entry may hold: every free value a call below sends carries one. */
const marker = () => `w${randomUUID().slice(0, 12)}`;
const email = (m: string) => `${m}@example.com`;

async function newest(): Promise<string> {
  return (await admin.audit.list.query({ limit: 1 })).data[0]?.id ?? '0';
}
async function entriesAfter(id: string): Promise<AuditEntry[]> {
  const { data } = await admin.audit.list.query({ limit: 100 });
  return data.filter((entry) => BigInt(entry.id) > BigInt(id));
}

async function team(m: string, externalId?: string) {
  return admin.customers.create.mutate({
    type: 'team',
    email: email(`owner-${m}`),
    ...(externalId ? { externalId } : {}),
  });
}
async function ownerOf(customerId: string) {
  const members = await admin.customerMembers.listOfCustomer.query({ customerId });
  const owner = members.items.find((member) => member.role === 'owner');
  if (!owner) throw new Error('the team has no owner');
  return owner;
}
async function portalOf(customerId: string) {
  const owner = await ownerOf(customerId);
  const session = await admin.customerSessions.create.mutate({ customerId, memberId: owner.id });
  return createMembersClient({ url: server.url, apiKey: session.token });
}
async function endpoint(m: string) {
  return admin.webhooks.endpoints.create.mutate({ url: `http://127.0.0.1:9/${m}`, format: 'raw', events: [] });
}
async function subscription(m: string) {
  const made = await admin.webhooks.subscriptions.create.mutate({
    event: 'user.created',
    target_type: 'webhook',
    target_url: `http://127.0.0.1:9/${m}`,
  });
  return made.subscription.id;
}

/**
 * For each mutation: what sets it up (its entries are not counted), then the call itself, which `call` makes and
 * measures; the marker is in every free value it sends.
 */
type Walk = (m: string, call: (run: () => Promise<unknown>) => Promise<void>) => Promise<void>;

const walks: Record<string, Walk> = {
  'members.sync': (m, call) => call(() => admin.members.sync.mutate({ email: email(m), name: `Name ${m}` })),
  'members.syncBatch': (m, call) =>
    call(() =>
      admin.members.syncBatch.mutate({
        members: [{ email: email(`a-${m}`) }, { email: email(`b-${m}`), name: `Name ${m}` }],
      }),
    ),
  'members.access': async (m, call) => {
    const plan = await admin.plans.create.mutate({ name: `Plan ${marker()}` });
    await admin.members.sync.mutate({ email: email(m) });
    await call(() => admin.members.access.mutate({ email: email(m), action: 'activate', planId: plan.id }));
  },
  'members.erase': async (m, call) => {
    await admin.members.sync.mutate({ email: email(m), name: `Name ${m}` });
    await call(() => admin.members.erase.mutate({ email: email(m) }));
  },
  'customerMembers.create': async (m, call) => {
    const customer = await team(marker());
    await call(() => admin.customerMembers.create.mutate({ customerId: customer.id, email: email(m), name: m }));
  },
  'customerMembers.createForCustomer': async (m, call) => {
    const external = `ext-${marker()}`;
    await team(marker(), external);
    await call(() => admin.customerMembers.createForCustomer.mutate({ externalCustomerId: external, email: email(m) }));
  },
  'customerMembers.update': async (m, call) => {
    const customer = await team(marker());
    const member = await admin.customerMembers.create.mutate({ customerId: customer.id, email: email(marker()) });
    await call(() => admin.customerMembers.update.mutate({ id: member.id, name: `Name ${m}` }));
  },
  'customerMembers.delete': async (_m, call) => {
    const customer = await team(marker());
    const member = await admin.customerMembers.create.mutate({ customerId: customer.id, email: email(marker()) });
    await call(() => admin.customerMembers.delete.mutate({ id: member.id }));
  },
  'customerMembers.updateByExternalId': async (m, call) => {
    const customer = await team(marker());
    const externalId = `ext-${marker()}`;
    await admin.customerMembers.create.mutate({ customerId: customer.id, email: email(marker()), externalId });
    await call(() =>
      admin.customerMembers.updateByExternalId.mutate({ externalId, customerId: customer.id, name: `Name ${m}` }),
    );
  },
  'customerMembers.deleteByExternalId': async (_m, call) => {
    const customer = await team(marker());
    const externalId = `ext-${marker()}`;
    await admin.customerMembers.create.mutate({ customerId: customer.id, email: email(marker()), externalId });
    await call(() => admin.customerMembers.deleteByExternalId.mutate({ externalId, customerId: customer.id }));
  },
  'customers.create': (m, call) => call(() => team(m)),
  'customers.update': async (m, call) => {
    const customer = await team(marker());
    await call(() => admin.customers.update.mutate({ id: customer.id, name: `Name ${m}` }));
  },
  'customers.delete': async (_m, call) => {
    const customer = await team(marker());
    await call(() => admin.customers.delete.mutate({ id: customer.id }));
  },
  'customers.updateByExternalId': async (m, call) => {
    const externalId = `ext-${marker()}`;
    await team(marker(), externalId);
    await call(() => admin.customers.updateByExternalId.mutate({ externalId, name: `Name ${m}` }));
  },
  'customers.deleteByExternalId': async (_m, call) => {
    const externalId = `ext-${marker()}`;
    await team(marker(), externalId);
    await call(() => admin.customers.deleteByExternalId.mutate({ externalId }));
  },
  'customers.erase': async (_m, call) => {
    const customer = await team(marker());
    await call(() => admin.customers.erase.mutate({ id: customer.id }));
  },
  'apiKeys.create': (m, call) =>
    call(() => admin.apiKeys.create.mutate({ name: `Key ${m}`, scopes: ['members:read'] })),
  'apiKeys.revoke': async (_m, call) => {
    const key = await admin.apiKeys.create.mutate({ scopes: ['members:read'] });
    await call(() => admin.apiKeys.revoke.mutate({ id: key.id }));
  },
  'plans.create': (m, call) =>
    call(() => admin.plans.create.mutate({ name: `Plan ${m}`, stripePriceId: `price_${m}` })),
  'customerSessions.create': async (m, call) => {
    const customer = await team(marker());
    const owner = await ownerOf(customer.id);
    await call(() =>
      admin.customerSessions.create.mutate({
        customerId: customer.id,
        memberId: owner.id,
        returnUrl: `https://${m}.example/`,
      }),
    );
  },
  'customerPortal.members.add': async (m, call) => {
    const portal = await portalOf((await team(marker())).id);
    await call(() => portal.customerPortal.members.add.mutate({ email: email(m), name: `Name ${m}` }));
  },
  'customerPortal.members.update': async (m, call) => {
    const customer = await team(marker());
    const member = await admin.customerMembers.create.mutate({ customerId: customer.id, email: email(marker()) });
    const portal = await portalOf(customer.id);
    await call(() => portal.customerPortal.members.update.mutate({ id: member.id, name: `Name ${m}` }));
  },
  'customerPortal.members.remove': async (_m, call) => {
    const customer = await team(marker());
    const member = await admin.customerMembers.create.mutate({ customerId: customer.id, email: email(marker()) });
    const portal = await portalOf(customer.id);
    await call(() => portal.customerPortal.members.remove.mutate({ id: member.id }));
  },
  'webhooks.subscriptions.create': (m, call) => call(() => subscription(m)),
  'webhooks.subscriptions.delete': async (m, call) => {
    const id = await subscription(m);
    await call(() => admin.webhooks.subscriptions.delete.mutate({ id }));
  },
  'webhooks.subscriptions.update': async (m, call) => {
    const id = await subscription(m);
    await call(() => admin.webhooks.subscriptions.update.mutate({ id, enabled: false }));
  },
  'webhooks.subscriptions.rotateSecret': async (m, call) => {
    const id = await subscription(m);
    await call(() => admin.webhooks.subscriptions.rotateSecret.mutate({ id }));
  },
  'webhooks.endpoints.create': (m, call) => call(() => endpoint(m)),
  'webhooks.endpoints.update': async (m, call) => {
    const { id } = await endpoint(marker());
    await call(() => admin.webhooks.endpoints.update.mutate({ id, name: `Name ${m}` }));
  },
  'webhooks.endpoints.delete': async (_m, call) => {
    const { id } = await endpoint(marker());
    await call(() => admin.webhooks.endpoints.delete.mutate({ id }));
  },
  'webhooks.endpoints.resetSecret': async (_m, call) => {
    const { id } = await endpoint(marker());
    await call(() => admin.webhooks.endpoints.resetSecret.mutate({ id }));
  },
  'webhooks.events.redeliver': async (_m, call) => {
    const { id } = await admin.webhooks.endpoints.create.mutate({
      url: `http://127.0.0.1:9/${marker()}`,
      format: 'raw',
      events: ['customer.created'],
    });
    const customer = await team(marker());
    const event = await server.db.fork().findOneOrFail(WebhookEvent, { orderingKey: customer.id });
    await call(() => admin.webhooks.events.redeliver.mutate({ id: event.id }));
    await admin.webhooks.endpoints.delete.mutate({ id });
  },
};

const mutations = procedurePaths.filter((path) => procedureAt(path).type === 'mutation');

describe('the audit trail', () => {
  it('has one entry for every call of every mutation procedure, naming its actor, holding no value sent', async () => {
    expect(mutations.filter((path) => !(path in walks))).toEqual([]);
    for (const path of mutations) {
      const m = marker();
      let before = '';
      let after: AuditEntry[] = [];
      await walks[path]?.(m, async (run) => {
        before = await newest();
        await run();
        after = await entriesAfter(before);
      }).catch((error: unknown) => {
        const issues = (error as { data?: { issues?: unknown } }).data?.issues;
        throw new Error(`${path}: ${String(error)} ${JSON.stringify(issues)}`);
      });
      expect(
        after.map((entry) => entry.procedure),
        path,
      ).toEqual([path]);
      const [entry] = after;
      const portal = path.startsWith('customerPortal.');
      expect(entry?.actor.kind, path).toBe(portal ? 'portal_member' : 'api_key');
      if (!portal) expect(entry?.actor.id, path).toBe(adminKeyId);
      expect(entry?.surface, path).toBe(portal ? 'portal' : 'trpc');
      expect(entry?.requestId, path).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry?.records.length, path).toBeGreaterThan(0);
      expect(JSON.stringify(entry), path).not.toContain(m);
    }
  });

  it('names the surface, the request and the fields, and reads the trail of one record', async () => {
    const m = marker();
    const synced = await request<{ data: { member: { id: string } } }>(`${server.url}/members/sync`, {
      method: 'POST',
      key: tenant.key,
      body: { email: email(m), name: `Name ${m}`, role: 'business' },
    });
    expect(synced.status).toBe(201);
    const memberId = synced.body.data.member.id;
    await admin.members.sync.mutate({ email: email(m), name: `Other ${m}` });
    const trail = await request<{ data: AuditEntry[]; nextCursor: string | null }>(
      `${server.url}/audit?record=${memberId}`,
      { key: tenant.key },
    );
    expect(trail.status).toBe(200);
    expect(trail.body.data.map((entry) => [entry.surface, entry.procedure, entry.fields])).toEqual([
      ['trpc', 'members.sync', ['email', 'name']],
      ['rest', 'members.sync', ['email', 'name', 'role']],
    ]);
    expect(trail.body.data[1]?.requestId).toBe(synced.headers.get('x-request-id'));
    expect(JSON.stringify(trail.body)).not.toContain(m);
  });

  it('commits each entry with its change: an entry that cannot be written takes its change with it', async () => {
    // The trail refuses the entries of two procedures: one on the paths that write in one statement or two sent
    // together (a sync), one in the transaction `invoke` begins (a customer's update).
    const postgres = server.db.dialect === 'postgresql';
    const refuse = postgres
      ? [
          `create function refuse_audit() returns trigger language plpgsql as $$
           begin raise exception 'the trail refuses %', new.procedure; end $$`,
          `create trigger refuse_audit before insert on audit_entry for each row
           when (new.procedure in ('members.sync', 'customers.update')) execute function refuse_audit()`,
        ]
      : [
          `create trigger refuse_audit before insert on audit_entry
           when new.procedure in ('members.sync', 'customers.update')
           begin select raise(abort, 'the trail refuses'); end`,
        ];
    const customer = await team(marker());
    const m = marker();
    for (const sql of refuse) await rawQuery(server.db.fork(), sql, []);
    try {
      await expect(admin.members.sync.mutate({ email: email(m) })).rejects.toThrow();
      await expect(admin.customers.update.mutate({ id: customer.id, name: `Name ${m}` })).rejects.toThrow();
    } finally {
      await rawQuery(
        server.db.fork(),
        postgres ? 'drop trigger refuse_audit on audit_entry' : 'drop trigger refuse_audit',
        [],
      );
      if (postgres) await rawQuery(server.db.fork(), 'drop function refuse_audit()', []);
    }
    await expect(admin.members.lookup.query({ lookup: email(m) })).rejects.toThrow(/not found|No member/i);
    expect((await admin.customers.get.query({ id: customer.id })).name).not.toBe(`Name ${m}`);
  });

  it('writes no entry for a call that failed, and none for a read', async () => {
    const before = await newest();
    await expect(admin.customers.update.mutate({ id: randomUUID(), name: 'Nobody' })).rejects.toThrow();
    await admin.members.list.query({});
    expect(await entriesAfter(before)).toEqual([]);
  });

  it('is read by admin keys only, with filters checked', async () => {
    const reader = await tenant.keyWith(['members:read']);
    expect((await request(`${server.url}/audit`, { key: reader })).status).toBe(403);
    const bad = await request(`${server.url}/audit?since=yesterday`, { key: tenant.key });
    expect(bad.status).toBe(422);
  });
});
