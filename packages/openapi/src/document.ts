import { createRequire } from 'node:module';
import { z } from 'zod';
import {
  kardowErrorBody,
  polarErrorBody,
  polarValidationErrorBody,
  portalScope,
  fieldSources,
  procedureAt,
  restRoutes,
  casings,
  surfaceCasing,
  type ErrorStatus,
  type TableRow,
} from '@members/contracts';
import { errorExamples } from './error-examples.js';
import { SchemaComponents, type JsonSchema } from './json-schema.js';
import { webhookItems } from './webhooks.js';

/** The document describes the contracts package it is generated from, and carries its version. */
const { version: contractsVersion } = createRequire(import.meta.url)('@members/contracts/package.json') as {
  version: string;
};

const errorDescriptions: Record<ErrorStatus, string> = {
  400: 'The body is not JSON',
  401: 'No API key, or an unknown or revoked one',
  403: 'The key lacks the scope, or the action is not permitted',
  404: 'Not found (records of other organizations included)',
  405: 'The path is served, with other methods (see Allow)',
  409: 'Conflicts with another record',
  413: 'The body is over the size limit',
  415: 'The body is in an encoding or charset the server does not read',
  422: 'Validation failed: every problem is listed',
  429: 'Rate limited: retry after the Retry-After seconds',
  503: 'The database is unreachable: retry later',
};

const tags = { kardow: 'Kardow members', polarMembers: 'Polar members', polarCustomers: 'Polar customers' };

const json = (schema: JsonSchema, extra: Record<string, unknown> = {}) => ({
  'application/json': { schema, ...extra },
});

/** OpenAPI 3.1 of every REST route, from the route tables and the contract schemas the procedures use. */
export function openApiDocument(rows: readonly TableRow[] = restRoutes) {
  const components = new SchemaComponents();
  const errorSchemas = {
    kardow: components.convert(kardowErrorBody, 'output', 'camel'),
    polarValidation: components.convert(polarValidationErrorBody, 'output', 'camel'),
    polar: components.convert(polarErrorBody, 'output', 'camel'),
  };

  /** One error response of a surface, defined once under `components.responses` and referenced by each operation. */
  const responses: Record<string, unknown> = {};
  function errorResponse({ surface }: TableRow, status: ErrorStatus) {
    const name = `${surface === 'kardow' ? 'Kardow' : 'Polar'}Error${status}`;
    responses[name] ??= errorResponseBody(surface, status);
    return { $ref: `#/components/responses/${name}` };
  }

  function errorResponseBody(surface: TableRow['surface'], status: ErrorStatus) {
    const schema =
      surface === 'kardow' ? errorSchemas.kardow : status === 422 ? errorSchemas.polarValidation : errorSchemas.polar;
    const headers =
      status === 429
        ? { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } }
        : status === 401 && surface === 'polar'
          ? { 'WWW-Authenticate': { schema: { type: 'string', const: 'Bearer' } } }
          : undefined;
    const example = errorExamples[surface][status];
    return {
      description: errorDescriptions[status],
      ...(headers ? { headers } : {}),
      content: json(schema, example === undefined ? {} : { example }),
    };
  }

  function operation(row: TableRow) {
    const { route, surface } = row;
    const contract = procedureAt(route.procedure);
    const shape: Record<string, z.ZodType> = contract.input.shape;
    const casing = surfaceCasing[surface];
    const { wireName } = casings[casing];
    const input = (field: string) => components.convert(shape[field] ?? z.unknown(), 'input', 'camel');

    const sources = fieldSources(route);
    const pathParams = sources.params.map(([name, field]) => ({
      name,
      in: 'path',
      required: true,
      schema: input(field),
    }));
    const queryParams = sources.query.map((field) => {
      const schema = input(field);
      return {
        name: wireName(field),
        in: 'query',
        required: !(shape[field]?.safeParse(undefined).success ?? true),
        schema,
        ...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
      };
    });
    const bodyFields = sources.body;
    const body = z.object(Object.fromEntries(bodyFields.map((field) => [field, shape[field] ?? z.unknown()])));
    const examples = route.requestExamples;

    const outputShape: Record<string, z.ZodType> | undefined =
      contract.output instanceof z.ZodObject ? contract.output.shape : undefined;
    const served = (route.bodyField && outputShape?.[route.bodyField]) || contract.output;
    const wrapped = surface === 'kardow' && !route.bare;
    const output = route.csv
      ? undefined
      : components.convert(wrapped ? z.object({ data: served }) : served, 'output', casing);
    const success = (status: number, description: string): [string, object] => [
      String(status),
      {
        description,
        ...(status === 204
          ? {}
          : !output
            ? { content: { 'text/csv': { schema: { type: 'string' } } } }
            : {
                content: json(
                  output,
                  route.responseExample !== undefined && status === (route.createdStatus ?? route.status)
                    ? { example: route.responseExample }
                    : {},
                ),
              }),
      },
    ];

    return {
      operationId: row.operationId,
      summary: contract.summary,
      tags: [
        surface === 'kardow'
          ? tags.kardow
          : route.path.startsWith('/v1/customers') && !route.path.includes('/members')
            ? tags.polarCustomers
            : tags.polarMembers,
      ],
      description: `Calls the tRPC procedure \`${route.procedure}\`. Scope: \`${contract.scope}\`.`,
      // The portal's routes take a member session's token, and no API key; every other route the reverse.
      security: contract.scope === portalScope ? [{ memberSession: [] }] : [{ apiKey: [] }, { bearer: [] }],
      ...(pathParams.length + queryParams.length > 0 ? { parameters: [...pathParams, ...queryParams] } : {}),
      ...(bodyFields.length > 0
        ? {
            requestBody: {
              required: true,
              content: json(components.convert(body, 'input', casing), examples ? { examples } : {}),
            },
          }
        : {}),
      responses: Object.fromEntries([
        ...(route.createdStatus ? [success(route.createdStatus, 'Created a member')] : []),
        success(route.status, route.successDescription),
        ...route.errors.map((status): [string, object] => [String(status), errorResponse(row, status)]),
      ]),
    };
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const row of rows) {
    paths[row.route.path] = { ...paths[row.route.path], [row.route.method]: operation(row) };
  }
  const webhooks = webhookItems(components);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Members service',
      version: contractsVersion,
      description: "An organization's members (Kardow-compatible) and its customers' team members (Polar-compatible).",
    },
    servers: [{ url: '/' }],
    tags: Object.values(tags).map((name) => ({ name })),
    paths,
    webhooks,
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        bearer: { type: 'http', scheme: 'bearer', description: 'The same API key, as a bearer token' },
        memberSession: {
          type: 'http',
          scheme: 'bearer',
          description: 'A customer session token (POST /v1/customer-sessions/), for the customer portal routes only',
        },
      },
      schemas: components.schemas,
      responses,
    },
  };
}
