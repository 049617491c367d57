import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { HTTPClient } from '@polar-sh/sdk/lib/http.js';

/**
 * The judge of the Polar surface: Polar's own OpenAPI documents, from ../shared/polar-openapi (or
 * POLAR_OPENAPI_DIR). Every Polar response the suite receives is validated against the official schema for its
 * operation and status, in every official document that has the operation.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const directory = process.env.POLAR_OPENAPI_DIR ?? path.resolve(here, '../../../../../shared/polar-openapi');
/**
 * The documents sit beside the repository only in this team's workspace. A clone alone runs without the judge
 * (`official-documents-setup.ts` says so, once); CI sets POLAR_OPENAPI_DIR, and a document missing there fails.
 */
export const officialDocumentsPresent = process.env.POLAR_OPENAPI_DIR !== undefined || existsSync(directory);

export interface OfficialOperation {
  operationId: string;
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: { 'application/json'?: { schema: object }; 'text/csv'?: object } }>;
}
export interface OfficialDocument {
  paths: Record<string, Record<string, OfficialOperation>>;
  components: { schemas: Record<string, object> };
}

/** Statuses Polar does not document per operation, each with the official component its body must be. */
const errorComponents: Record<number, string> = {
  401: 'Unauthorized',
  403: 'NotPermitted',
  404: 'ResourceNotFound',
  422: 'HTTPValidationError',
};
/** Statuses this service adds that Polar documents nowhere: Polar's error shape with its name. */
const undocumentedErrors: Record<number, string> = { 409: 'Conflict', 413: 'PayloadTooLarge', 429: 'TooManyRequests' };
/** Routes this service serves beyond the official documents, and the official schema of their success body. */
const beyondOfficial: Record<string, string> = {
  'get /v1/customers/{id}/members': 'ListResource_Member_',
  'get /v1/customers/external/{external_id}/members': 'ListResource_Member_',
};

const uuid4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Polar's official documents: 2026-06-08 (the flat routes, SDK 0.48.1's day) and 2026-10 (the nested ones). */
export const officialDocuments = (officialDocumentsPresent ? ['2026-06-08', '2026-10'] : []).map((version) => ({
  version,
  document: JSON.parse(readFileSync(path.join(directory, `${version}.openapi.json`), 'utf8')) as OfficialDocument,
}));

const judges = officialDocuments.map(({ version, document }) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('uuid4', uuid4);
  const id = `polar-${version}`;
  ajv.addSchema({ $id: id, components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: object) => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${id}#/components/`)));
      compiled.set(key, validate);
    }
    return validate;
  };
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\/$/, '').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    literal: !template.includes('{'),
  }));
  return { version, document, validator, templates };
});

/** The official path template of a concrete path; a literal template wins over one with parameters. */
function templateOf(judge: (typeof judges)[number], pathname: string): string | undefined {
  const matches = judge.templates.filter(({ pattern }) => pattern.test(pathname));
  return (matches.find(({ literal }) => literal) ?? matches[0])?.template;
}

const violations: string[] = [];

/** Every violation seen since the last call (the suite's setup asserts none after each test). */
export function takeViolations(): string[] {
  return violations.splice(0);
}

/** Checks one response; returns (and records) what does not conform. */
export function checkPolarResponse(method: string, url: string, status: number, body: unknown): string[] {
  const pathname = new URL(url).pathname;
  if (!pathname.startsWith('/v1/') || !officialDocumentsPresent) return [];
  const found: string[] = [];
  const where = `${method.toUpperCase()} ${pathname} ${status}`;
  const validate = (judge: (typeof judges)[number], key: string, schema: object) => {
    const check = judge.validator(key, schema);
    if (!check(body))
      found.push(`${where} (${judge.version}): ${JSON.stringify(check.errors)} in ${JSON.stringify(body)}`);
  };

  let judged = false;
  for (const judge of judges) {
    const template = templateOf(judge, pathname);
    const operation = template ? judge.document.paths[template]?.[method.toLowerCase()] : undefined;
    if (!template || !operation) continue;
    judged = true;
    const response = operation.responses[String(status)];
    const schema = response?.content?.['application/json']?.schema;
    if (response?.content?.['text/csv']) {
      if (typeof body !== 'string') found.push(`${where} (${judge.version}): CSV expected, got ${typeof body}`);
    } else if (response && !schema && status < 300) {
      if (body !== undefined) found.push(`${where} (${judge.version}): a body where Polar sends none`);
    } else if (schema) {
      validate(judge, `${template} ${method} ${status}`, schema);
    } else if (errorComponents[status]) {
      validate(judge, `component ${status}`, { $ref: `#/components/schemas/${errorComponents[status]}` });
    } else if (undocumentedErrors[status]) {
      const name = undocumentedErrors[status];
      validate(judge, `undocumented ${status}`, {
        type: 'object',
        required: ['error', 'detail'],
        properties: { error: { const: name }, detail: { type: 'string' } },
      });
    } else {
      found.push(`${where} (${judge.version}): status not documented for this operation`);
    }
  }
  if (!judged) {
    const route = Object.keys(beyondOfficial).find((key) => {
      const [verb = '', template = ''] = key.split(' ');
      return (
        verb === method.toLowerCase() && new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`).test(pathname)
      );
    });
    const judge = judges[1];
    if (!route || !judge) found.push(`${where}: no official operation`);
    else if (status < 300) validate(judge, route, { $ref: `#/components/schemas/${beyondOfficial[route]}` });
    else if (errorComponents[status]) {
      validate(judge, `component ${status}`, { $ref: `#/components/schemas/${errorComponents[status]}` });
    }
  }
  violations.push(...found);
  return found;
}

/**
 * A fetch that checks every Polar response against the official documents before the caller reads it: what SDK
 * 1.0.1, which calls the global fetch, is given while its tests run.
 */
export function conformingFetch(fetcher: typeof fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetcher(request);
    const text = await response.clone().text();
    const json = response.headers.get('content-type')?.includes('json') ?? true;
    checkPolarResponse(
      request.method,
      request.url,
      response.status,
      text === '' ? undefined : json ? JSON.parse(text) : text,
    );
    return response;
  };
}

/** The official SDK's HTTP client, checking every response it receives before the SDK reads it. */
export function conformingHttpClient(): HTTPClient {
  const checked = conformingFetch(fetch);
  // Typed here: the SDK's own parameter types are DOM names, which the server's tests do not load.
  return new HTTPClient({ fetcher: (input: string | URL | Request, init?: RequestInit) => checked(input, init) });
}
