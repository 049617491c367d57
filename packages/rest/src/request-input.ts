import type { Request } from 'express';
import { z } from 'zod';
import { DomainError, invalidRequest, parseInput, type DomainIssue, type Procedure } from '@members/api';
import { fieldSources, isPlainObject, type TableRow } from '@members/contracts';
import { fieldsOf, type Surface, type WireInputs, type WireOrigin } from './surface.js';

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
 * How one route reads its procedure's input, worked out once from its table row: the path, the query and the body
 * are each parsed with a schema of just their fields, so a problem is reported where it was sent. A part that
 * holds every field is parsed by the contract's own schema; when the fields are spread over several, what was
 * sent is then parsed by it as a whole too, for the rules that span fields (at most one of `customer_id` and
 * `external_customer_id`), which the row locates.
 */
export function requestInput(row: TableRow, surface: Surface, procedure: Procedure) {
  const { input } = procedure.contract;
  const shape: Record<string, z.ZodType> = input.shape;
  const { params, query, body } = fieldSources(row.route);
  const lists = query.filter((field) => takesList(shape[field])).map((field) => surface.casing.wireName(field));
  const spread = [params, query, body].filter((fields) => fields.length > 0).length > 1;
  const part = (source: 'path' | 'query' | 'body', fields: string[], read: (wire: WireInputs) => object) => ({
    source,
    fields,
    read,
    schema: spread ? z.object(Object.fromEntries(fields.map((field) => [field, shape[field] ?? z.never()]))) : input,
  });
  const parts = [
    part(
      'path',
      params.map(([, field]) => field),
      (wire) => Object.fromEntries(params.map(([wireName, field]) => [field, wire.path[wireName]])),
    ),
    part('query', query, (wire) => pick(fieldsOf(surface, wire.query), query)),
    part('body', body, (wire) => pick(fieldsOf(surface, wire.body), body)),
  ].filter(({ fields }) => fields.length > 0);

  const origins = new Map<string, WireOrigin>([
    ...params.map(([wire, field]): [string, WireOrigin] => [field, { source: 'path', key: wire }]),
    ...query.map((field): [string, WireOrigin] => [field, { source: 'query', key: surface.casing.wireName(field) }]),
  ]);
  /** Where a field of the input was sent: for the rules the services check after parsing. */
  const locate = (field: string): WireOrigin =>
    origins.get(field) ?? { source: body.length > 0 ? 'body' : 'query', key: surface.casing.wireName(field) };

  /** The request as it came, with list fields always lists. */
  const wireOf = (req: Pick<Request, 'params' | 'query' | 'body'>): WireInputs => {
    const query = foldDeepObjects(req.query);
    for (const key of lists) {
      const value = query[key];
      if (value !== undefined && !Array.isArray(value)) query[key] = [value];
    }
    return { path: req.params, query, body: req.body as unknown };
  };

  const read = (wire: WireInputs) => {
    // A route that reads its body needs one, even an empty object (`PATCH` with no body is Polar's 422).
    if (body.length > 0 && wire.body === undefined) {
      throw new DomainError('validation_failed', 'A JSON body is required', {
        issues: [{ path: [], message: 'Field required', source: 'body' }],
      });
    }
    const sent = {};
    let values = {};
    const issues: DomainIssue[] = [];
    for (const { source, schema, read } of parts) {
      const fields = read(wire);
      Object.assign(sent, fields);
      try {
        values = { ...values, ...parseInput(schema, fields, source) };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        issues.push(...error.issues);
      }
    }
    if (issues.length > 0) throw invalidRequest(issues);
    return spread ? parseInput(input, sent) : values;
  };

  return { wireOf, read, locate };
}
