import type { AuditRecord } from '@members/contracts';

/** Keys whose values are the caller's own data, never walked: an `id` in them names nothing of ours. */
const opaque = new Set(['customFields', 'metadata', 'customFieldData', 'custom_field_data']);
/** Keys that name one of our records by its id, and the record's kind (`id`: the object's own). */
const ids: Record<string, string> = {
  id: '',
  userId: 'member',
  memberId: 'member',
  customerId: 'customer',
  subscriptionId: 'subscription',
  endpointId: 'endpoint',
  eventId: 'event',
};
/** Most records an entry lists: a batch of 1,000 members lists them all. */
const most = 1000;

const singular = (name: string) => name.replace(/ies$/, 'y').replace(/s$/, '');

/** The kind of record a procedure is about, from its path: `customers.update` → `customer`. */
export function kindOf(procedure: string): string {
  const parts = procedure.split('.');
  return singular(parts.at(-2) ?? parts[0] ?? 'record');
}

/**
 * The records a call touched, by kind and id, from what it was given (an `id`, a `customerId`…) and what it answered
 * (every object with an `id`, named by the field it came in, or by the procedure's kind at the top). Never a value
 * of the caller's own (custom fields, metadata, external ids, emails): ids are ours, and say nothing of a person.
 */
export function recordsOf(procedure: string, input: unknown, output: unknown): AuditRecord[] {
  const found = new Map<string, AuditRecord>();
  const add = (type: string, id: unknown) => {
    if ((typeof id === 'string' && id !== '') || typeof id === 'number') {
      if (found.size < most && !found.has(String(id))) found.set(String(id), { type, id: String(id) });
    }
  };
  const kind = kindOf(procedure);
  const named = (value: Record<string, unknown>, type: string) => {
    for (const [key, of] of Object.entries(ids)) add(of || type, value[key]);
  };
  if (isObject(input)) named(input, kind);
  const walk = (value: unknown, type: string, depth: number) => {
    if (depth > 3) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, type, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    named(value, type);
    for (const [key, inner] of Object.entries(value)) {
      if (!opaque.has(key) && typeof inner === 'object' && inner !== null) walk(inner, singular(key), depth + 1);
    }
  };
  walk(output, kind, 0);
  return [...found.values()];
}

/** The names of the fields a call set: its input's, never their values. */
export const fieldsOf = (input: unknown): string[] => (isObject(input) ? Object.keys(input).sort() : []);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
