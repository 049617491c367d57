import { expect } from 'vitest';

/**
 * vitest's asymmetric matchers, typed as what they stand in for: a value of unknown type. vitest types them `any`,
 * which would let a matcher stand where a real value is used, and which the lint rightly refuses to spread around.
 */
export const match = {
  any: (type: unknown): unknown => expect.any(type),
  stringMatching: (pattern: string | RegExp): unknown => expect.stringMatching(pattern),
  stringContaining: (text: string): unknown => expect.stringContaining(text),
  objectContaining: (shape: Record<string, unknown>): unknown => expect.objectContaining(shape),
  arrayContaining: (items: unknown[]): unknown => expect.arrayContaining(items),
};
