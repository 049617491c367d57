import type { Request, RequestHandler, Router } from 'express';
import { z } from 'zod';
import { authenticate, callProcedure, DomainError, type Context, type RequestFacts } from '@members/api';
import { fieldSources, isPlainObject, procedureAt, type TableRow } from '@members/contracts';

import { rateLimitHeaders } from './rate-limit-headers.js';
import type { Locate, Surface, WireOrigin } from './surface.js';

export type CreateContext = (request: RequestFacts) => Context;

/** `/v1/members/{id}` as Express spells it. */
export const expressPath = (template: string) => template.replace(/\{(\w+)\}/g, ':$1');

/** A query field that takes a list (`?sorting=a&sorting=b`) is always handed over as one, even with one value. */
const takesList = (schema: z.ZodType | undefined) =>
  schema !== undefined && z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }).type === 'array';

/** OpenAPI's deepObject style: `?metadata[tier]=gold` is the field `metadata` holding `{ tier: 'gold' }`. */
function foldDeepObjects(query: Record<string, unknown>): Record<string, unknown> {
  const folded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const deep = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key);
    if (!deep) {
      folded[key] = value;
      continue;
    }
    const [, name = '', property = ''] = deep;
    const holder = folded[name];
    folded[name] = { ...(isPlainObject(holder) ? holder : {}), [property]: value };
  }
  return folded;
}

const pick = (fields: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.filter((name) => name in fields).map((name) => [name, fields[name]]));

/**
 * Where one route reads each input field, worked out once from its table row: the procedure's input fields from
 * the path (by the row's parameter names), the query and the body (by the surface's field names).
 */
function inputPlan(row: TableRow, surface: Surface) {
  const contract = procedureAt(row.route.procedure);
  const shape: Record<string, z.ZodType> = contract.input.shape;
  const { params, query, body } = fieldSources(row.route);
  const lists = query.filter((field) => takesList(shape[field])).map((field) => surface.wireName(field));
  const origins = new Map<string, WireOrigin>([
    ...params.map(([wire, field]): [string, WireOrigin] => [field, { source: 'path', key: wire }]),
    ...query.map((field): [string, WireOrigin] => [field, { source: 'query', key: surface.wireName(field) }]),
  ]);
  const locate: Locate = (field) =>
    origins.get(field) ?? { source: body.length > 0 ? 'body' : 'query', key: surface.wireName(field) };
  return { params, query, body, lists, locate, scope: contract.scope };
}

/** Registers one table row on `router`: wire input in, the procedure called, its result or error out. */
export function serveRoute(router: Router, row: TableRow, surface: Surface, createContext: CreateContext) {
  const { route } = row;
  const plan = inputPlan(row, surface);
  const wireQuery = (req: Request) => {
    const query = foldDeepObjects(req.query);
    for (const key of plan.lists) {
      const value = query[key];
      if (value !== undefined && !Array.isArray(value)) query[key] = [value];
    }
    return query;
  };
  const handler: RequestHandler = async (req, res) => {
    const body: unknown = req.body;
    const wire = { path: req.params, query: wireQuery(req), body };
    const context = createContext({ headers: req.headers, clientAddress: req.socket.remoteAddress });
    try {
      // A route that reads its body needs one, even an empty object (`PATCH` with no body is Polar's 422), but
      // the caller is told who they are first, as everywhere: 401 and 403 come before 422.
      if (plan.body.length > 0 && body === undefined) {
        await authenticate(context, plan.scope);
        throw new DomainError('validation_failed', 'A JSON body is required', {
          issues: [{ path: [], message: 'Field required' }],
        });
      }
      const input = {
        ...pick(surface.fields(wire.query), plan.query),
        ...pick(surface.fields(wire.body), plan.body),
        ...Object.fromEntries(plan.params.map(([wireName, field]) => [field, wire.path[wireName]])),
      };
      const result = await callProcedure(context, route.procedure, input);
      const created = isPlainObject(result) && result.created === true;
      const status = created && route.createdStatus ? route.createdStatus : route.status;
      res.set(rateLimitHeaders(context.rateLimit));
      const served = route.bodyField && isPlainObject(result) ? result[route.bodyField] : result;
      if (status === 204) res.status(204).end();
      else res.status(status).json(surface.body(served));
    } catch (error) {
      res.set(rateLimitHeaders(context.rateLimit));
      surface.sendError(res, error, plan.locate, wire);
    }
  };
  router[route.method](expressPath(route.path), handler);
}

/** For a path the table serves with other methods: 405 with `Allow`, in the surface's shape. */
export function methodNotAllowed(surface: Surface, allowed: readonly string[]): RequestHandler {
  const allow = allowed.map((method) => method.toUpperCase()).join(', ');
  return (req, res, next) => {
    res.set('Allow', allow);
    surface.requestErrors(
      new DomainError('method_not_allowed', `${req.method} is not served here; use ${allow}`),
      req,
      res,
      next,
    );
  };
}
