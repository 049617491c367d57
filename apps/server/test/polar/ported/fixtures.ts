import { afterAll, beforeAll } from 'vitest';
import { Organization, rawQuery } from '@members/db';
import { createTenant, startServer, type TestServer } from '../../support/server.js';
import type { WireCustomer, WireList, WireMember } from '../../support/polar.js';
import { request, type Reply } from '../../support/http.js';

/**
 * What Polar's endpoint tests get from their fixtures, built over this service's API: a server, and for each test an
 * organization of its own (Polar's tests each run in a new database), with a key of every scope, a key without the
 * route's scope (Polar's `AuthSubjectFixture(scopes=set())`) and a second organization (`organization_second`, or
 * `create_organization` for another account's).
 *
 * Polar's fixtures insert a customer without members and then members of any role. Here a customer is made through
 * the API, with its owner. So, in every port: a member the test inserts as `owner` is the customer's owner, named by
 * the create (`owner: {…}`); a customer the test gives other members is a team whose owner is made from its own email
 * (an individual customer takes no member beside its owner), and those members are added through the API.
 */
export interface PortedOrg {
  /** The organization's id as Polar's routes show it (`organization_id`). */
  id: string;
  get<T = unknown>(path: string): Promise<Reply<T>>;
  post<T = unknown>(path: string, body: unknown): Promise<Reply<T>>;
  patch<T = unknown>(path: string, body: unknown): Promise<Reply<T>>;
  delete<T = unknown>(path: string): Promise<Reply<T>>;
  /** The same routes with a key that lacks the route's scope, and with no key at all. */
  withoutScope: Routes;
  anonymous: Routes;
  customer(body: Record<string, unknown>): Promise<WireCustomer>;
  member(customerId: string, body: Record<string, unknown>): Promise<WireMember>;
  owner(customerId: string): Promise<WireMember>;
  /**
   * The customer portal as one member signed in (Polar's MEMBER_…_AUTH_SUBJECT): the routes with the token of a
   * customer session made for that member, as a portal user gets it.
   */
  portalAs(customerId: string, memberId?: string): Promise<Routes>;
}

type Routes = Pick<PortedOrg, 'get' | 'post' | 'patch' | 'delete'>;

let server: TestServer;

/** One server for the file, as Polar's `client` fixture. */
export function usePortedServer(): void {
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
}

function routes(key: string | null): Routes {
  const send = <T>(method: string, path: string, body?: unknown) =>
    request<T>(`${server.url}${path}`, { method, bearer: key ?? undefined, body });
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    patch: (path, body) => send('PATCH', path, body),
    delete: (path) => send('DELETE', path),
  };
}

/** A new organization of the file's server, as Polar's `organization` and `user_organization` fixtures. */
export async function organization(): Promise<PortedOrg> {
  const tenant = await createTenant(server.db);
  const { publicId } = await server.db.fork().findOneOrFail(Organization, tenant.organizationId);
  const keyWithoutScope = await tenant.keyWith(['customer_sessions:write']);
  const own = routes(tenant.key);
  const expectStatus = <T>(reply: Reply<T>, status: number, what: string): T => {
    if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  return {
    id: publicId,
    ...own,
    withoutScope: routes(keyWithoutScope),
    anonymous: routes(null),
    customer: async (body) => expectStatus(await own.post<WireCustomer>('/v1/customers/', body), 201, 'customer'),
    member: async (customerId, body) =>
      expectStatus(await own.post<WireMember>(`/v1/customers/${customerId}/members`, body), 201, 'member'),
    owner: async (customerId) => {
      const owners = expectStatus(
        await own.get<WireList<WireMember>>(`/v1/customers/${customerId}/members?role=owner`),
        200,
        'owner',
      );
      const [owner] = owners.items;
      if (!owner) throw new Error(`customer ${customerId} has no owner`);
      return owner;
    },
    portalAs: async (customerId, memberId) => {
      const session = expectStatus(
        await own.post<{ token: string }>('/v1/customer-sessions/', {
          customer_id: customerId,
          ...(memberId ? { member_id: memberId } : {}),
        }),
        201,
        'customer session',
      );
      return routes(session.token);
    },
  };
}

/** A customer's row as stored, deleted or not: what Polar's tests read with `session.get(Customer, id)`. */
export async function storedCustomer(id: string) {
  const [row] = await rawQuery<{
    email: string | null;
    name: string | null;
    external_id: string | null;
    deleted_at: unknown;
  }>(server.db.fork(), 'select email, name, external_id, deleted_at from customer where id = ?', [id]);
  if (!row) throw new Error(`no customer row ${id}`);
  return row;
}
