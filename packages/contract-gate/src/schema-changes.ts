import type { JsonSchema } from './snapshot.js';

/** A schema with its `$ref`s followed, reduced to what a caller's code relies on. */
interface Shape {
  types: Set<string>;
  nullable: boolean;
  enumValues: Set<string> | undefined;
  properties: Record<string, JsonSchema>;
  required: Set<string>;
  items: JsonSchema | undefined;
  bounds: Record<string, number>;
}

const bounded = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
];
/** Bounds whose smaller value lets less through; the others let less through when larger. */
const upperBounds = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems']);

const asSchema = (value: unknown): JsonSchema | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;

/** Follows `#/$defs/Name` within the document `root` the schema came from. */
function resolved(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const name = current.$ref.replace(/^#\/\$defs\//, '');
    current = asSchema(asSchema(root.$defs)?.[name]) ?? {};
  }
  return current;
}

function shapeOf(schema: JsonSchema, root: JsonSchema): Shape {
  const own = resolved(schema, root);
  const variants: JsonSchema[] = Array.isArray(own.anyOf)
    ? own.anyOf.map(asSchema).filter((variant) => variant !== undefined)
    : [own];
  const shape: Shape = {
    types: new Set(),
    nullable: false,
    enumValues: undefined,
    properties: {},
    required: new Set(),
    items: undefined,
    bounds: {},
  };
  for (const variant of variants.map((v) => resolved(v, root))) {
    const types = Array.isArray(variant.type) ? variant.type : variant.type === undefined ? [] : [variant.type];
    for (const type of types)
      if (type === 'null') shape.nullable = true;
      else if (typeof type === 'string') shape.types.add(type);
    if (variant.const === null) shape.nullable = true;
    const values = Array.isArray(variant.enum)
      ? variant.enum
      : 'const' in variant && variant.const !== null
        ? [variant.const]
        : undefined;
    if (values) {
      shape.enumValues ??= new Set();
      for (const value of values)
        if (value === null) shape.nullable = true;
        else shape.enumValues.add(JSON.stringify(value));
    }
    Object.assign(shape.properties, asSchema(variant.properties) ?? {});
    if (Array.isArray(variant.required)) for (const name of variant.required) shape.required.add(String(name));
    shape.items ??= asSchema(variant.items);
    for (const bound of bounded) if (typeof variant[bound] === 'number') shape.bounds[bound] = variant[bound];
  }
  return shape;
}

/** An empty type set is "anything" (`{}`): it neither narrows nor widens. */
const missing = (from: Set<string>, to: Set<string>) =>
  from.size === 0 || to.size === 0
    ? []
    : [...from].filter((type) => !to.has(type) && !(type === 'integer' && to.has('number')));

export interface SchemaSides {
  before: JsonSchema;
  after: JsonSchema;
}

/**
 * The changes to a procedure's output that break a caller reading it: a field removed, made optional or nullable,
 * its type changed. `where` names the field (`output.member.email`).
 */
export function outputBreaks(sides: SchemaSides, where = 'output'): string[] {
  return compare(sides.before, sides.after, sides, where, 'output', new Set());
}

/**
 * The changes to a procedure's input that break a caller sending it: a field added as required or made required, a
 * type, enum or bound narrowed.
 */
export function inputBreaks(sides: SchemaSides, where = 'input'): string[] {
  return compare(sides.before, sides.after, sides, where, 'input', new Set());
}

function compare(
  before: JsonSchema,
  after: JsonSchema,
  roots: SchemaSides,
  where: string,
  side: 'input' | 'output',
  seen: Set<string>,
): string[] {
  // A recursive schema (a JSON value) is compared once per pair of definitions.
  const pair = `${String(before.$ref)}>${String(after.$ref)}`;
  if (before.$ref !== undefined && seen.has(pair)) return [];
  seen.add(pair);
  const old = shapeOf(before, roots.before);
  const now = shapeOf(after, roots.after);
  const changes: string[] = [];
  if (side === 'output') {
    const added = missing(now.types, old.types);
    if (added.length)
      changes.push(`${where}: type changed from ${[...old.types].join('|')} to ${[...now.types].join('|')}`);
    if (now.nullable && !old.nullable) changes.push(`${where}: made nullable`);
    for (const [name, schema] of Object.entries(old.properties)) {
      const field = `${where}.${name}`;
      const next = now.properties[name];
      if (next === undefined) changes.push(`${field}: removed`);
      else {
        if (old.required.has(name) && !now.required.has(name)) changes.push(`${field}: made optional`);
        changes.push(...compare(schema, next, roots, field, side, seen));
      }
    }
  } else {
    const removed = missing(old.types, now.types);
    if (removed.length)
      changes.push(`${where}: type narrowed from ${[...old.types].join('|')} to ${[...now.types].join('|')}`);
    if (old.nullable && !now.nullable) changes.push(`${where}: no longer takes null`);
    if (now.enumValues) {
      const dropped = [...(old.enumValues ?? [])].filter((value) => !now.enumValues?.has(value));
      if (!old.enumValues && old.types.size) changes.push(`${where}: narrowed to an enum`);
      if (dropped.length) changes.push(`${where}: enum narrowed, no longer takes ${dropped.join(', ')}`);
    }
    for (const [bound, value] of Object.entries(now.bounds)) {
      const previous = old.bounds[bound];
      const narrower = previous === undefined || (upperBounds.has(bound) ? value < previous : value > previous);
      if (narrower)
        changes.push(`${where}: ${bound} ${previous === undefined ? 'added' : `from ${previous}`} to ${value}`);
    }
    for (const [name, schema] of Object.entries(now.properties)) {
      const field = `${where}.${name}`;
      const previous = old.properties[name];
      if (now.required.has(name) && previous === undefined) changes.push(`${field}: added as required`);
      else if (now.required.has(name) && !old.required.has(name)) changes.push(`${field}: made required`);
      if (previous !== undefined) changes.push(...compare(previous, schema, roots, field, side, seen));
    }
  }
  if (old.items && now.items) changes.push(...compare(old.items, now.items, roots, `${where}[]`, side, seen));
  return changes;
}
