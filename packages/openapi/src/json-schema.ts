import { z } from 'zod';
import { isPlainObject, toSnake } from '@members/contracts';

export type JsonSchema = { [key: string]: unknown };

const isSchema = (value: unknown): value is JsonSchema => isPlainObject(value);

/** Polar documents what it serves: property names in snake_case, all the way down. */
function snakeCaseProperties(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (isSchema(schema.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [
        toSnake(name),
        isSchema(property) ? snakeCaseProperties(property) : property,
      ]),
    );
  }
  if (Array.isArray(schema.required)) out.required = schema.required.map((name) => toSnake(String(name)));
  for (const key of ['items', 'additionalProperties'] as const) {
    const inner = schema[key];
    if (isSchema(inner)) out[key] = snakeCaseProperties(inner);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      out[key] = (list as unknown[]).map((item) => (isSchema(item) ? snakeCaseProperties(item) : item));
  }
  return out;
}

const componentRefs = (schema: JsonSchema): JsonSchema =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;

/**
 * JSON Schemas (2020-12, OpenAPI 3.1's dialect) of contract schemas, with every schema the contracts name (zod
 * `meta({ id })`: the entities, lists and error bodies) kept once under `components.schemas` and referenced.
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /** Its input side for what callers send, its output side for what they get back. */
  convert(schema: z.ZodType, io: 'input' | 'output', casing: 'camel' | 'snake'): JsonSchema {
    const cased = (json: JsonSchema) => componentRefs(casing === 'snake' ? snakeCaseProperties(json) : json);
    const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
    for (const [name, definition] of Object.entries(isSchema($defs) ? $defs : {})) {
      if (isSchema(definition)) this.add(name, cased(definition));
    }
    return cased(root);
  }

  private add(name: string, schema: JsonSchema) {
    const known = this.schemas[name];
    if (known && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`Two different schemas are named ${name}: give one another id`);
    }
    this.schemas[name] = schema;
  }
}
