/** Polar's wire is snake_case; the procedures speak camelCase. Caller-owned maps (metadata) keep their keys. */
const opaque = new Set(['metadata']);

export const toSnake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
export const toCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

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
