import type { SurfaceName } from './enums.js';

/** Polar's wire is snake_case; the procedures speak camelCase. Caller-owned maps (metadata) keep their keys. */
const opaque = new Set(['metadata']);

/**
 * A spelling worked out once per name: every Polar body renames the same few dozen field names, and a regular
 * expression per key per request was a visible part of a create's time. Names a caller invents are kept too, up to
 * a bound, past which they are worked out each time.
 */
function remembered(spell: (key: string) => string): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let spelt = known.get(key);
    if (spelt === undefined) {
      spelt = spell(key);
      if (known.size < 2000) known.set(key, spelt);
    }
    return spelt;
  };
}

export const toSnake = remembered((key) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));
export const toCamel = remembered((key) => key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()));

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function renameKeys(value: unknown, rename: (key: string) => string | null): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename));
  if (!isPlainObject(value)) return value;
  const renamed: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = rename(key);
    if (name !== null) renamed[name] = opaque.has(key) ? item : renameKeys(item, rename);
  }
  return renamed;
}

/** Response bodies: every key to snake_case. */
export const toWire = (value: unknown) => renameKeys(value, toSnake);

/**
 * Request bodies and queries: snake_case keys to camelCase. A key that is not snake_case (`customerId`) is not
 * a Polar field, so it is dropped as Polar ignores unknown fields, rather than accepted under another name.
 */
export const fromWire = (value: unknown) => renameKeys(value, (key) => (/[A-Z]/.test(key) ? null : toCamel(key)));

export type Casing = 'camel' | 'snake';

/** How field names are spelt on a wire of one casing, both ways. */
export interface WireCasing {
  /** A field's name in a query string or body. */
  wireName: (field: string) => string;
  /** A procedure's result as the wire spells it. */
  toWire: (value: unknown) => unknown;
  /** What the caller sent, with the procedures' field names. */
  fromWire: (value: unknown) => unknown;
}

const same = <T>(value: T) => value;
export const casings: Record<Casing, WireCasing> = {
  camel: { wireName: same, toWire: same, fromWire: same },
  snake: { wireName: toSnake, toWire, fromWire },
};

/** Each surface's casing, decided here once: the REST adapter reads it, and so does the OpenAPI generator. */
export const surfaceCasing: Record<SurfaceName, Casing> = { kardow: 'camel', polar: 'snake' };
