import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldSources, procedureAt, restRoutes, type TableRow } from '../src/index.js';

const name = ({ route }: TableRow) => `${route.method.toUpperCase()} ${route.path}`;
const inputShape = (row: TableRow): Record<string, z.ZodType> => procedureAt(row.route.procedure).input.shape;

describe('the route tables', () => {
  it('give each operation one id and each method and path one row', () => {
    const ids = restRoutes.map((row) => row.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const routes = restRoutes.map(name);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('name each path parameter in the path template, and every template parameter as a field', () => {
    for (const row of restRoutes) {
      const inTemplate = [...row.route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = fieldSources(row.route).params.map(([wire]) => wire);
      expect(declared.sort(), name(row)).toEqual(inTemplate.sort());
    }
  });

  it('read each input field from exactly one place, and leave no required field unread', () => {
    for (const row of restRoutes) {
      const { params, query, body } = fieldSources(row.route);
      const read = [...params.map(([, field]) => field), ...query, ...body];
      expect(new Set(read).size, name(row)).toBe(read.length);
      const shape = inputShape(row);
      for (const field of read) expect(shape[field], `${name(row)}: ${field}`).toBeDefined();
      const required = Object.entries(shape).filter(([, schema]) => !schema.safeParse(undefined).success);
      for (const [field] of required) expect(read, `${name(row)} reads ${field}`).toContain(field);
    }
  });

  it('read a body only with the methods that take one, and answer the created status only for a `created` result', () => {
    for (const row of restRoutes) {
      if (fieldSources(row.route).body.length > 0) expect(['post', 'patch'], name(row)).toContain(row.route.method);
      const output = procedureAt(row.route.procedure).output;
      const created = output instanceof z.ZodObject && 'created' in output.shape;
      if (row.route.createdStatus) expect(created, name(row)).toBe(true);
    }
  });

  it('document a 401 on every route, a 422 on every route with a body, a 404 on every one with a path parameter', () => {
    for (const row of restRoutes) {
      expect(row.route.errors, name(row)).toContain(401);
      if (fieldSources(row.route).body.length > 0) expect(row.route.errors, name(row)).toContain(422);
      if (row.route.params) expect(row.route.errors, name(row)).toContain(404);
    }
  });
});
