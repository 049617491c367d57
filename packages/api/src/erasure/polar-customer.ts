import type { Eraser } from './copies.js';

/** What an anonymized customer or member is known by now: Polar's hashes, and the customer's avatar from them. */
export interface AnonymizedRow {
  email: string | null;
  name: string | null;
  avatarUrl?: string;
}

/**
 * Polar's shapes (customer and member, snake_case on REST and in events, camelCase over tRPC) about an anonymized
 * customer: an object that is the customer or one of its members (by `id`) takes the email, name and avatar its row
 * holds now, so every copy reads as the anonymized row does; ids, external ids and the rest stay.
 */
export function polarCustomerEraser(anonymized: ReadonlyMap<string, AnonymizedRow>): Eraser {
  return (object) => {
    const row = typeof object.id === 'string' ? anonymized.get(object.id) : undefined;
    if (!row || !('email' in object)) return undefined;
    const erased: Record<string, unknown> = { ...object, email: row.email, name: row.name };
    for (const avatar of ['avatar_url', 'avatarUrl']) if (avatar in object) erased[avatar] = row.avatarUrl;
    return erased;
  };
}
