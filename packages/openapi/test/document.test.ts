import { describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  errorStatus,
  kardowEventTypes,
  polarEmittedEventTypes,
  restRoutes,
  type ErrorCode,
  type TableRow,
} from '@members/contracts';
import { openApiDocument } from '../src/index.js';

interface Response {
  content?: { 'application/json'?: { schema: object; example?: unknown } };
}
interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  operationId: string;
  description: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: { $ref?: string; properties?: object } } } };
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

/** The generated document as a caller reads it: JSON. */
const document = JSON.parse(JSON.stringify(openApiDocument())) as Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addFormat('uuid4', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');

/**
 * A response schema compiled once however many operations share it: Ajv caches by schema object, and each operation's
 * copy is a new object, so compiling every one took the test past its time on a busy machine.
 */
const validators = new Map<string, ValidateFunction>();
function validatorOf(schema: unknown): ValidateFunction {
  const text = JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/');
  let validate = validators.get(text);
  if (!validate) {
    validate = ajv.compile(JSON.parse(text) as object);
    validators.set(text, validate);
  }
  return validate;
}

const operationOf = ({ route }: TableRow) => document.paths[route.path]?.[route.method];
const resolved = (response: Response | { $ref: string } | undefined): Response | undefined =>
  response && '$ref' in response
    ? document.components.responses[response.$ref.replace('#/components/responses/', '')]
    : response;

/** Polar's error names, by the status they are served with. */
const polarErrorStatus: Record<string, number> = {
  Unauthorized: 401,
  NotPermitted: 403,
  ResourceNotFound: 404,
  RequestValidationError: 422,
  TooManyRequests: 429,
};

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with its auth schemes and every route of the table, the portal on member sessions alone', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['apiKey', 'bearer', 'memberSession']);
    const documented = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(documented.length).toBe(restRoutes.length);
    for (const row of restRoutes) {
      const operation = operationOf(row);
      expect(operation?.operationId, row.operationId).toBe(row.operationId);
      expect(operation?.description).toContain(`\`${row.route.procedure}\``);
      const portal = row.route.path.startsWith('/v1/customer-portal/');
      expect(operation?.security, row.operationId).toEqual(
        portal ? [{ memberSession: [] }] : [{ apiKey: [] }, { bearer: [] }],
      );
    }
  });

  it('names query parameters as each surface spells them: Polar’s in snake_case, Kardow’s as they are', () => {
    const polar = document.paths['/v1/members/']?.get?.parameters?.map((parameter) => parameter.name);
    expect(polar).toEqual(expect.arrayContaining(['customer_id', 'external_customer_id']));
    const kardow = document.paths['/members']?.get?.parameters?.map((parameter) => parameter.name);
    expect(kardow).toEqual(expect.arrayContaining(['approvalStatus']));
  });

  it('wraps Kardow’s success bodies in `data` and leaves Polar’s bare', () => {
    const kardow = resolved(document.paths['/members/sync']?.post?.responses['200']);
    expect(JSON.stringify(kardow?.content?.['application/json']?.schema)).toMatch(
      /^\{"type":"object","properties":\{"data"/,
    );
    const polar = resolved(document.paths['/v1/members/{id}']?.get?.responses['200']);
    expect(polar?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/CustomerMember' });
  });

  it('lists every event of the catalogue under webhooks, and nothing else', () => {
    expect(Object.keys(document.webhooks).sort()).toEqual([...kardowEventTypes, ...polarEmittedEventTypes].sort());
  });

  it('gives every error status an example that fits its schema and says that status', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          const content = resolved(response)?.content?.['application/json'];
          const where = `${method} ${path} ${status}`;
          expect(content?.example, where).toBeDefined();
          const validate = validatorOf(content?.schema);
          expect(validate(content?.example), `${where}: ${JSON.stringify(validate.errors)}`).toBe(true);
          const error = (content?.example as { error: unknown }).error;
          const said =
            typeof error === 'string' ? polarErrorStatus[error] : errorStatus[(error as { code: ErrorCode }).code];
          expect(said, where).toBe(Number(status));
        }
      }
    }
  });
});
