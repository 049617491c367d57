import { z } from 'zod';
import { isPlainObject, toSnake } from '../polar/casing.js';

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
    if (Array.isArray(list)) out[key] = list.map((item) => (isSchema(item) ? snakeCaseProperties(item) : item));
  }
  return out;
}

/**
 * The JSON Schema (2020-12, OpenAPI 3.1's dialect) of a contract schema: its input side for what callers send,
 * its output side for what they get back.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output', casing: 'camel' | 'snake'): JsonSchema {
  const { $schema: _dialect, ...converted } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return casing === 'snake' ? snakeCaseProperties(converted) : converted;
}
