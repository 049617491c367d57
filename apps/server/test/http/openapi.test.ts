import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { request } from '../support/http.js';

interface Response {
  content?: { 'application/json': { schema: object; example?: unknown } };
}
interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: { 'application/json': { examples?: Record<string, { value: unknown }> } } };
  responses: Record<string, Response | { $ref: string }>;
}
interface Document {
  openapi: string;
  webhooks: Record<string, unknown>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, object>;
    securitySchemes: Record<string, object>;
    responses: Record<string, Response>;
  };
}

let server: TestServer;
let tenant: Tenant;
let document: Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addFormat('uuid4', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  document = (await request<Document>(`${server.url}/openapi.json`)).body;
  ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');
});
afterAll(() => server.close());

/** The schema the document gives for a route and status, with its references resolved in the document. */
function documentedSchema(path: string, method: string, status: number): object {
  const response = resolved(document.paths[path]?.[method]?.responses[String(status)]);
  expect(response, `${method} ${path} ${status} is documented`).toBeDefined();
  return JSON.parse(
    JSON.stringify(response?.content?.['application/json'].schema ?? {}).replaceAll(
      '"#/components/',
      '"doc#/components/',
    ),
  ) as object;
}

/** A response, or the shared one under `components.responses` that it references. */
const resolved = (response: Response | { $ref: string } | undefined): Response | undefined =>
  response && '$ref' in response
    ? document.components.responses[response.$ref.replace('#/components/responses/', '')]
    : response;

/** Checks a real response against the schema the document gives for that route and status. */
function expectDocumented(path: string, method: string, status: number, body: unknown) {
  const validate = ajv.compile(documentedSchema(path, method, status));
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

/** What the generated document says is checked in packages/openapi; here, that the server answers as it says. */
describe('GET /openapi.json', () => {
  it('documents only routes that are served: each answers 401 without a key, not 404', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        const concrete = path.replace(/\{[^}]+\}/g, id);
        const reply = await fetch(`${server.url}${concrete}`, { method: method.toUpperCase() });
        expect(reply.status, `${method} ${path}`).toBe(401);
      }
    }
  });

  it('describes what the server really answers, successes and errors', async () => {
    await tenant.plan({ name: 'Doc plan', stripePriceId: 'price_doc' });
    const synced = await request(`${server.url}/members/sync`, {
      key: tenant.key,
      body: {
        email: 'doc@example.com',
        customFields: { a: 1 },
        access: { stripePriceId: 'price_doc' },
        payment: { jobId: '88888888-8888-8888-8888-888888888888', amount: 5, currency: 'usd' },
      },
    });
    expectDocumented('/members/sync', 'post', 201, synced.body);
    const invalid = await request(`${server.url}/members/sync`, { key: tenant.key, body: { email: 'x' } });
    expectDocumented('/members/sync', 'post', 422, invalid.body);
    const detail = await request(`${server.url}/members/doc@example.com`, { key: tenant.key });
    expectDocumented('/members/{lookup}', 'get', 200, detail.body);

    const customer = await request<{ id: string }>(`${server.url}/v1/customers/`, {
      bearer: tenant.key,
      body: { type: 'team', email: 'doc-team@example.com', metadata: { tier: 'gold' } },
    });
    expectDocumented('/v1/customers/', 'post', 201, customer.body);
    const member = await request(`${server.url}/v1/members/`, {
      bearer: tenant.key,
      body: { customer_id: customer.body.id, email: 'm@example.com' },
    });
    expectDocumented('/v1/members/', 'post', 201, member.body);
    const list = await request(`${server.url}/v1/members/?customer_id=${customer.body.id}`, { bearer: tenant.key });
    expectDocumented('/v1/members/', 'get', 200, list.body);
    const polarInvalid = await request(`${server.url}/v1/members/`, { bearer: tenant.key, body: { email: 'x' } });
    expectDocumented('/v1/members/', 'post', 422, polarInvalid.body);
    const missing = await request(`${server.url}/v1/members/00000000-0000-4000-8000-000000000000`, {
      bearer: tenant.key,
    });
    expectDocumented('/v1/members/{id}', 'get', 404, missing.body);
    const anonymous = await request(`${server.url}/v1/members/`);
    expectDocumented('/v1/members/', 'get', 401, anonymous.body);
  });
});

describe('the examples of /openapi.json', () => {
  it('show the seeds’ requests, and they succeed as shown', async () => {
    const examples = Object.values(
      document.paths['/members/sync']?.post?.requestBody?.content['application/json'].examples ?? {},
    );
    expect(examples.length).toBe(5);
    await tenant.plan({ name: 'Paywall monthly', stripePriceId: 'price_paywall_monthly' });
    await tenant.plan({ name: 'Bundle 10', stripePriceId: 'price_bundle_10', jobsIncluded: 10 });
    for (const { value } of examples) {
      const reply = await request(`${server.url}/members/sync`, { key: tenant.key, body: value });
      expect([200, 201], JSON.stringify(reply.body)).toContain(reply.status);
    }
  });
});

describe('GET /docs', () => {
  it('renders the reference from assets this server serves itself', async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset.startsWith('/'), asset).toBe(true);
      expect((await fetch(`${server.url}${asset}`)).status, asset).toBe(200);
    }
  });
});
