import type { Eraser } from './copies.js';

/** What an anonymized customer or member is known by now: Polar's hashes, and the customer's avatar from them. */
export interface AnonymizedRow {
  email: string | null;
  name: string | null;
  avatarUrl?: string;
}

/** The first of `keys` that `object` holds, in either casing a copy may use. */
const fieldOf = (object: Record<string, unknown>, snake: string, camel: string) =>
  snake in object ? snake : camel in object ? camel : undefined;

/**
 * A customer session's answer kept for its key, about an anonymized customer: the session has ended, and the answer
 * keeps its ids and the token that signs in no more, but not the return URL the caller sent nor the member's email
 * that the portal URL carried.
 */
function endedSession(object: Record<string, unknown>): Record<string, unknown> {
  const erased = { ...object };
  const returnUrl = fieldOf(object, 'return_url', 'returnUrl');
  if (returnUrl) erased[returnUrl] = null;
  const portalUrl = fieldOf(object, 'customer_portal_url', 'customerPortalUrl');
  const portal = portalUrl ? object[portalUrl] : undefined;
  if (portalUrl && typeof portal === 'string' && URL.canParse(portal)) {
    const url = new URL(portal);
    url.searchParams.delete('email');
    url.searchParams.delete('return_url');
    erased[portalUrl] = url.toString();
  }
  return erased;
}

/**
 * Polar's shapes (customer, member and customer session; snake_case on REST and in events, camelCase over tRPC)
 * about an anonymized customer: an object that is the customer or one of its members (by `id`) takes the email, name
 * and avatar its row holds now, so every copy reads as the anonymized row does; a session of the customer loses what
 * the caller sent with it; ids, external ids and the rest stay.
 */
export function polarCustomerEraser(anonymized: ReadonlyMap<string, AnonymizedRow>): Eraser {
  return (object) => {
    const customerId = object[fieldOf(object, 'customer_id', 'customerId') ?? ''];
    if (typeof object.token === 'string' && typeof customerId === 'string' && anonymized.has(customerId)) {
      return endedSession(object);
    }
    const row = typeof object.id === 'string' ? anonymized.get(object.id) : undefined;
    if (!row || !('email' in object)) return undefined;
    const erased: Record<string, unknown> = { ...object, email: row.email, name: row.name };
    for (const avatar of ['avatar_url', 'avatarUrl']) if (avatar in object) erased[avatar] = row.avatarUrl;
    return erased;
  };
}
