import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restRoutes, type KardowOperationId, type PolarOperationId } from '@members/contracts';
import { openDatabase, WebhookEvent } from '@members/db';
import { expressPath } from '@members/rest';
import { createApp } from '../../src/app.js';
import { request, type Reply } from '../support/http.js';
import { createCustomer } from '../support/polar.js';
import { createTenant, startServer, testDatabaseUrl, type Tenant, type TestServer } from '../support/server.js';

let server: TestServer;
let tenant: Tenant;
let teamId: string;
const url = (path: string) => `${server.url}${path}`;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  await tenant.plan({ name: 'Walk plan', stripePriceId: 'price_walk' });
  teamId = (
    await createCustomer(server.url, tenant.key, {
      type: 'team',
      email: 'walk-owner@example.com',
      external_id: 'walk-team',
    })
  ).id;
});
afterAll(() => server.close());

const kardow = (path: string, body?: unknown) => request(url(path), { key: tenant.key, body });
const polar = (method: string, path: string, body?: unknown) =>
  request(url(path), { method, bearer: tenant.key, body });

/** A portal call as the team's owner, on a session made for it. */
let ownerSession: string | undefined;
/** A team of its own for sessions (rows before them delete the walk team's members): a session names its member. */
let sessionTeam: Promise<{ id: string }> | undefined;
const sessionBody = async () => {
  sessionTeam ??= createCustomer(server.url, tenant.key, {
    type: 'team',
    email: 'walk-session@example.com',
    external_id: 'walk-session-team',
    owner: { email: 'walk-session@example.com', external_id: 'walk-session-owner' },
  });
  await sessionTeam;
  return { external_customer_id: 'walk-session-team', external_member_id: 'walk-session-owner' };
};
/** A new member of the sessions' team, for the portal's rows. */
async function sessionTeamMember(): Promise<string> {
  await sessionBody();
  return teamMember(undefined, (await sessionTeam)?.id);
}
async function portal(method: string, path: string, body?: unknown) {
  ownerSession ??= (
    (await polar('POST', '/v1/customer-sessions/', await sessionBody())).body as {
      token: string;
    }
  ).token;
  return request(url(path), { method, bearer: ownerSession, body });
}

/** A member of the team to read, change or delete; a new one each time. */
let serial = 0;
async function teamMember(externalId?: string, customerId = teamId): Promise<string> {
  const reply = await polar('POST', `/v1/customers/${customerId}/members`, {
    email: `walk-${serial++}@example.com`,
    ...(externalId ? { external_id: externalId } : {}),
  });
  return (reply.body as { id: string }).id;
}

/** A new Polar webhook endpoint, subscribed to nothing; returns its id. */
async function endpoint(): Promise<string> {
  const reply = await polar('POST', '/v1/webhooks/endpoints', {
    url: 'http://127.0.0.1:9/x',
    format: 'raw',
    events: [],
  });
  return (reply.body as { id: string }).id;
}

/** A new individual customer; returns its external id when given one, else its id. */
async function customer(externalId?: string): Promise<string> {
  const reply = await polar('POST', '/v1/customers/', {
    email: `walk-customer-${serial++}@example.com`,
    ...(externalId ? { external_id: externalId } : {}),
  });
  return externalId ?? (reply.body as { id: string }).id;
}

/**
 * One request per row that should succeed. Typed by the tables' operation ids, so a new row without a request here
 * does not compile.
 */
const successes: Record<KardowOperationId | PolarOperationId, () => Promise<Reply>> = {
  'members:sync': () => kardow('/members/sync', { email: 'walk@example.com' }),
  'members:sync_batch': () => kardow('/members/sync/batch', { members: [{ email: 'walk-batch@example.com' }] }),
  'members:list': () => request(url('/members?limit=2'), { key: tenant.key }),
  'members:lookup': async () => {
    await kardow('/members/sync', { email: 'walk-lookup@example.com' });
    return request(url('/members/walk-lookup@example.com'), { key: tenant.key });
  },
  'members:access': async () => {
    await kardow('/members/sync', { email: 'walk-access@example.com', access: { stripePriceId: 'price_walk' } });
    return kardow('/members/access', { email: 'walk-access@example.com', action: 'mark_past_due' });
  },
  'events:list': () => request(url('/events?limit=2&types=user.created,user.updated'), { key: tenant.key }),
  'audit:list': () => request(url('/audit?limit=2&procedure=members.sync'), { key: tenant.key }),
  'members:create_member': () => polar('POST', '/v1/members/', { customer_id: teamId, email: 'walk-flat@example.com' }),
  'members:list_members': () => polar('GET', `/v1/members/?customer_id=${teamId}`),
  'members:get_member': async () => polar('GET', `/v1/members/${await teamMember()}`),
  'members:update_member': async () => polar('PATCH', `/v1/members/${await teamMember()}`, { name: 'Walked' }),
  'members:delete_member': async () => polar('DELETE', `/v1/members/${await teamMember()}`),
  'members:get_member_by_external_id': async () => {
    await teamMember('walk-get');
    return polar('GET', `/v1/members/external/walk-get?customer_id=${teamId}`);
  },
  'members:update_member_by_external_id': async () => {
    await teamMember('walk-update');
    return polar('PATCH', `/v1/members/external/walk-update?customer_id=${teamId}`, { role: 'billing_manager' });
  },
  'members:delete_member_by_external_id': async () => {
    await teamMember('walk-delete');
    return polar('DELETE', `/v1/members/external/walk-delete?customer_id=${teamId}`);
  },
  'customers:create': () => polar('POST', '/v1/customers/', { email: 'walk-customer@example.com' }),
  'customers:list': () => polar('GET', '/v1/customers/?limit=1'),
  'customers:get': () => polar('GET', `/v1/customers/${teamId}`),
  'customers:update': async () =>
    polar('PATCH', `/v1/customers/${await customer()}`, { name: 'Walked', metadata: { walked: true } }),
  'customers:delete': async () => polar('DELETE', `/v1/customers/${await customer()}`),
  'customers:get_external': async () => polar('GET', `/v1/customers/external/${await customer('walk-c-get')}`),
  'customers:update_external': async () =>
    polar('PATCH', `/v1/customers/external/${await customer('walk-c-update')}`, { name: 'Walked' }),
  'customers:delete_external': async () => polar('DELETE', `/v1/customers/external/${await customer('walk-c-delete')}`),
  'webhooks:subscribe': () =>
    kardow('/webhooks', { event: 'user.created', target_type: 'webhook', target_url: 'http://127.0.0.1:9/walk' }),
  'webhooks:list': () => request(url('/webhooks'), { key: tenant.key }),
  'webhooks:unsubscribe': async () => {
    const made = await kardow('/webhooks', {
      event: '*',
      target_type: 'webhook',
      target_url: 'http://127.0.0.1:9/gone',
    });
    return request(url(`/webhooks/${(made.body as { data: { id: string } }).data.id}`), {
      method: 'DELETE',
      key: tenant.key,
    });
  },
  'webhooks:list_webhook_endpoints': () => polar('GET', '/v1/webhooks/endpoints'),
  'webhooks:create_webhook_endpoint': async () =>
    polar('POST', '/v1/webhooks/endpoints', { url: 'http://127.0.0.1:9/walk', format: 'raw', events: [] }),
  'webhooks:get_webhook_endpoint': async () => polar('GET', `/v1/webhooks/endpoints/${await endpoint()}`),
  'webhooks:update_webhook_endpoint': async () =>
    polar('PATCH', `/v1/webhooks/endpoints/${await endpoint()}`, { name: 'Walked', enabled: false }),
  'webhooks:delete_webhook_endpoint': async () => polar('DELETE', `/v1/webhooks/endpoints/${await endpoint()}`),
  'webhooks:reset_webhook_endpoint_secret': async () =>
    polar('PATCH', `/v1/webhooks/endpoints/${await endpoint()}/secret`),
  'webhooks:list_webhook_deliveries': () => polar('GET', '/v1/webhooks/deliveries'),
  'webhooks:redeliver_webhook_event': async () => {
    await polar('POST', '/v1/webhooks/endpoints', {
      url: 'http://127.0.0.1:9/events',
      format: 'raw',
      events: ['customer.created'],
    });
    const made = await customer();
    const event = await server.db.fork().findOneOrFail(WebhookEvent, { orderingKey: made });
    return polar('POST', `/v1/webhooks/events/${event.id}/redeliver`);
  },
  'customers:members:create': () =>
    polar('POST', `/v1/customers/${teamId}/members`, { email: 'walk-nested@example.com' }),
  'customers:members:list': () => polar('GET', `/v1/customers/${teamId}/members`),
  'customers:members:create_external': () =>
    polar('POST', '/v1/customers/external/walk-team/members', { email: 'walk-nested-external@example.com' }),
  'customers:members:list_external': () => polar('GET', '/v1/customers/external/walk-team/members'),
  'customers:members:get_external': async () => {
    await teamMember('walk-n-get');
    return polar('GET', '/v1/customers/external/walk-team/members/walk-n-get');
  },
  'customers:members:update_external': async () => {
    await teamMember('walk-n-update');
    return polar('PATCH', '/v1/customers/external/walk-team/members/walk-n-update', { name: 'Walked' });
  },
  'customers:members:delete_external': async () => {
    await teamMember('walk-n-delete');
    return polar('DELETE', '/v1/customers/external/walk-team/members/walk-n-delete');
  },
  'customers:export': () => request(url('/v1/customers/export'), { bearer: tenant.key }),
  'customer-sessions:create': async () =>
    polar('POST', '/v1/customer-sessions/', { ...(await sessionBody()), return_url: 'https://example.com' }),
  'customer_portal:members:list_members': () => portal('GET', '/v1/customer-portal/members'),
  'customer_portal:members:add_member': () =>
    portal('POST', '/v1/customer-portal/members', { email: 'walk-portal@example.com' }),
  'customer_portal:members:update_member': async () =>
    portal('PATCH', `/v1/customer-portal/members/${await sessionTeamMember()}`, { role: 'billing_manager' }),
  'customer_portal:members:remove_member': async () =>
    portal('DELETE', `/v1/customer-portal/members/${await sessionTeamMember()}`),
  'customers:members:get': async () => polar('GET', `/v1/customers/${teamId}/members/${await teamMember()}`),
  'customers:members:update': async () =>
    polar('PATCH', `/v1/customers/${teamId}/members/${await teamMember()}`, { name: 'Walked' }),
  'customers:members:delete': async () => polar('DELETE', `/v1/customers/${teamId}/members/${await teamMember()}`),
};

/** The routes the app serves beside the tables: operations, the document and its reference page. */
const operational = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/init.js',
  'GET /docs/trpc',
  'GET /console',
  'GET /portal',
];

/** What the test reads of an Express layer: a route's path and methods, or a nested router's own layers. */
interface Layer {
  route?: { path: string; stack: { method?: string }[] };
  handle: unknown;
}
const nestedLayers = (handle: unknown): Layer[] =>
  typeof handle === 'function' && 'stack' in handle && Array.isArray(handle.stack) ? (handle.stack as Layer[]) : [];

/** Every method and path Express has a route for, through nested routers. */
function servedRoutes(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    const { route } = layer;
    if (!route) return servedRoutes(nestedLayers(layer.handle));
    // A route for every method (`all`) is the 405 answer to the methods a path is not served with.
    return [...new Set(route.stack.map(({ method }) => `${method?.toUpperCase() ?? 'OTHER'} ${route.path}`))];
  });
}

describe('the route tables', () => {
  it('has a request for every row, and nothing else', () => {
    expect(Object.keys(successes).sort()).toEqual(restRoutes.map((row) => row.operationId).sort());
  });

  it('serves every row with its documented success status', async () => {
    for (const { operationId, route } of restRoutes) {
      const reply = await successes[operationId as keyof typeof successes]();
      expect(reply.status, `${operationId}: ${JSON.stringify(reply.body)}`).toBe(route.createdStatus ?? route.status);
    }
  });

  it('is all Express serves: every route is a row (or 405 for its path), or an operational route', async () => {
    const db = await openDatabase(testDatabaseUrl(), { migrate: true });
    try {
      const app = createApp({ db });
      const served = servedRoutes(app.router.stack).sort();
      const declared = [
        ...restRoutes.map(({ route }) => `${route.method.toUpperCase()} ${expressPath(route.path)}`),
        ...new Set(restRoutes.map(({ route }) => `OTHER ${expressPath(route.path)}`)),
        ...operational,
      ].sort();
      expect(served).toEqual(declared);
    } finally {
      await db.close();
    }
  });
});
