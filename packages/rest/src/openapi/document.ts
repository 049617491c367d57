import { errorBodies, restRoutes, type RestRoute } from '@members/contracts';
import { toSnake } from '../polar/casing.js';
import { jsonSchema, type JsonSchema } from './json-schema.js';

const errorDescriptions: Record<number, string> = {
  400: 'The body is not JSON',
  401: 'No API key, or an unknown or revoked one',
  403: 'The key lacks the scope, or the action is not permitted',
  404: 'Not found (records of other organizations included)',
  409: 'Conflicts with another record',
  413: 'The body is over the size limit',
  422: 'Validation failed: every problem is listed',
  429: 'Rate limited: retry after the Retry-After seconds',
};

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function errorResponse(route: RestRoute, status: number) {
  const body = route.surface === 'kardow' ? 'KardowError' : status === 422 ? 'PolarValidationError' : 'PolarError';
  const headers =
    status === 429
      ? { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } }
      : status === 401 && route.surface === 'polar'
        ? { 'WWW-Authenticate': { schema: { type: 'string', const: 'Bearer' } } }
        : undefined;
  return {
    description: errorDescriptions[status] ?? 'Error',
    ...(headers ? { headers } : {}),
    content: json(ref(body)),
  };
}

function operation(route: RestRoute) {
  const casing = route.surface === 'polar' ? 'snake' : 'camel';
  const parameters = [
    ...Object.entries(route.pathParams ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema: jsonSchema(schema, 'input', 'camel'),
    })),
    ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => {
      const wire = casing === 'snake' ? toSnake(name) : name;
      const documented = jsonSchema(schema, 'input', 'camel');
      return {
        name: wire,
        in: 'query',
        required: !schema.safeParse(undefined).success,
        schema: documented,
        ...(documented.type === 'array' ? { style: 'form', explode: true } : {}),
      };
    }),
  ];
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [
      route.surface === 'kardow'
        ? 'Kardow members'
        : route.path.startsWith('/v1/customers')
          ? 'Polar customers'
          : 'Polar members',
    ],
    description: `Calls the tRPC procedure \`${route.procedure}\`. Scope: \`${route.scope}\`.`,
    security: [{ apiKey: [] }, { bearer: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: json(jsonSchema(route.body, 'input', casing)) } } : {}),
    responses: Object.fromEntries([
      ...route.responses.map((response) => [
        String(response.status),
        {
          description: response.description,
          ...(response.schema ? { content: json(jsonSchema(response.schema, 'output', casing)) } : {}),
        },
      ]),
      ...route.errors.map((status) => [String(status), errorResponse(route, status)]),
    ]),
  };
}

/** OpenAPI 3.1 of every REST route, from the route table and the contract schemas the procedures use. */
export function openApiDocument(routes: RestRoute[] = restRoutes) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Members service',
      version: '0.1.0',
      description: "An organization's members (Kardow-compatible) and its customers' team members (Polar-compatible).",
    },
    servers: [{ url: '/' }],
    tags: [{ name: 'Kardow members' }, { name: 'Polar members' }, { name: 'Polar customers' }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        bearer: { type: 'http', scheme: 'bearer', description: 'The same API key, as a bearer token' },
      },
      schemas: {
        KardowError: jsonSchema(errorBodies.kardow, 'output', 'camel'),
        PolarValidationError: jsonSchema(errorBodies.polarValidation, 'output', 'camel'),
        PolarError: jsonSchema(errorBodies.polar, 'output', 'camel'),
      },
    },
  };
}
