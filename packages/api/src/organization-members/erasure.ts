import type { OrganizationMember } from '@members/contracts';
import { rawQuery, type Database } from '@members/db';
import type { RequestScope } from '../request-scope.js';

/**
 * Erasure of a Kardow member (`delete_member`): besides its rows, every copy of what the person was known by. In each
 * copy (an event's payload, a kept answer) the objects about the member (those that name its id as `id`, `memberId`
 * or `userId`, or its email) lose their personal fields, whatever values they held then: an email becomes an address
 * at `erased.invalid` (RFC 2606: it names nobody) that keeps the member's id, a name `[erased]`, and the description,
 * picture, custom fields and metadata null. Everything else (ids, roles, plans, amounts) stays, so a receiver can
 * still tell whom an event was about, and an answer kept for a key still has its shape.
 */
export interface ErasedPerson {
  memberId: string;
  email: string;
}

export const erasedValue = '[erased]';
export const erasedEmail = (memberId: string) => `erased-${memberId}@erased.invalid`;

/** What each personal field of Kardow's shapes (member, access, payment) becomes. */
const erasedFields: Record<string, (person: ErasedPerson) => unknown> = {
  email: (person) => erasedEmail(person.memberId),
  name: () => erasedValue,
  description: () => null,
  profilePicture: () => null,
  customFields: () => null,
  metadata: () => null,
};

const isAbout = (object: Record<string, unknown>, person: ErasedPerson) =>
  ['id', 'memberId', 'userId'].some((key) => object[key] === person.memberId) || object.email === person.email;

/** `value` with the personal fields of every object about the person erased (an answer may hold a batch). */
function scrub(value: unknown, person: ErasedPerson): unknown {
  if (Array.isArray(value)) return value.map((item) => scrub(item, person));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const about = isAbout(object, person);
  return Object.fromEntries(
    Object.entries(object).map(([key, item]) => {
      const erase = about && item !== null ? erasedFields[key] : undefined;
      return [key, erase ? erase(person) : scrub(item, person)];
    }),
  );
}

/** The member as the erasure's own `user.deleted` tells it: its id and what is not personal. */
export const erasedMember = (member: OrganizationMember, person: ErasedPerson): OrganizationMember =>
  scrub(member, person) as OrganizationMember;

/** A JSON text scrubbed, or null when it was not JSON or held nothing about the person. */
function scrubbedText(text: string, person: ErasedPerson): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const scrubbed = JSON.stringify(scrub(parsed, person));
  return scrubbed === text ? null : scrubbed;
}

/** Rewrites the payloads of every event written about the member, delivered or not, in the erasure's transaction. */
export async function scrubEventsOf(tx: RequestScope, person: ErasedPerson): Promise<number> {
  const events = await rawQuery<{ id: string; payload: string }>(
    tx.em,
    'select id, payload from webhook_event where organization_id = ? and ordering_key = ?',
    [tx.organization.id, person.memberId],
  );
  let scrubbed = 0;
  for (const event of events) {
    const payload = scrubbedText(event.payload, person);
    if (payload === null) continue;
    await rawQuery(tx.em, 'update webhook_event set payload = ? where id = ?', [payload, event.id]);
    scrubbed++;
  }
  return scrubbed;
}

/**
 * Rewrites the answers kept for `Idempotency-Key`s of the organization's API keys that quote the member, the
 * erasure's own among them: run once the erasure has committed (its own answer commits with it). A replay then
 * answers the scrubbed answer; the key is kept, so a retry still does not act again.
 */
export async function scrubStoredAnswers(db: Database, organizationId: number, person: ErasedPerson): Promise<number> {
  const em = db.fork();
  const answers = await rawQuery<{ id: string; response_body: string }>(
    em,
    `select id, response_body from idempotency_key
      where caller_hash in (select key_hash from api_key where organization_id = ?) and response_body like ?`,
    [organizationId, `%${person.email}%`],
  );
  let scrubbed = 0;
  for (const answer of answers) {
    const body = scrubbedText(answer.response_body, person);
    if (body === null) continue;
    await rawQuery(em, 'update idempotency_key set response_body = ? where id = ?', [body, answer.id]);
    scrubbed++;
  }
  return scrubbed;
}
