import type { ErrorIssue } from '@members/contracts';

/** Deeper than any input of the contracts needs (customFields and metadata included). */
export const maxInputDepth = 32;

/**
 * What no schema should have to meet: NUL characters (PostgreSQL refuses them in text and JSON, so they would
 * surface as a fault of ours) and nesting deeper than `maxInputDepth`. Walked without recursion, so no input can
 * exhaust the stack.
 */
export function unsafeInputIssues(input: unknown): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0 && issues.length < 20) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) issues.push({ path, message: 'must not contain NUL characters' });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= maxInputDepth) {
      issues.push({ path, message: `nests deeper than ${maxInputDepth} levels` });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && key.includes('\u0000')) {
        issues.push({ path: [...path, key], message: 'keys must not contain NUL characters' });
      }
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return issues;
}
