import type { ErasureReceipt } from '@members/contracts';
import { rawQuery, type EntityManager } from '@members/db';
import { erasures } from '../metrics.js';
import { whenCommitted, type RequestScope } from '../request-scope.js';

/**
 * The copies an erasure reaches beyond the rows it deletes or anonymizes: the payloads of the events written about
 * the person (delivered or still pending) and the answers kept for `Idempotency-Key`s. A surface says, as an
 * `Eraser`, which objects of its shapes are about the person and what they become; everything else in a copy (an
 * answer may hold a batch of others) is left as it was.
 */
export type Eraser = (object: Record<string, unknown>) => Record<string, unknown> | undefined;

function scrub(value: unknown, erase: Eraser): unknown {
  if (Array.isArray(value)) return value.map((item) => scrub(item, erase));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const erased = erase(object) ?? object;
  return Object.fromEntries(Object.entries(erased).map(([key, item]) => [key, scrub(item, erase)]));
}

/** A JSON value with the objects about the person erased. */
export const scrubbed = <T>(value: T, erase: Eraser): T => scrub(value, erase) as T;

/** A JSON text scrubbed, or null when it was not JSON or held nothing about the person. */
function scrubbedText(text: string, erase: Eraser): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const result = JSON.stringify(scrub(parsed, erase));
  return result === text ? null : result;
}

/**
 * Rewrites the payloads of the events written about `subjects` (their ordering keys: a member's or a customer's id),
 * in the erasure's transaction.
 */
export async function scrubEvents(tx: RequestScope, subjects: readonly string[], erase: Eraser): Promise<number> {
  let count = 0;
  for (const subject of subjects) {
    const events = await rawQuery<{ id: string; payload: string }>(
      tx.em,
      'select id, payload from webhook_event where organization_id = ? and ordering_key = ?',
      [tx.organization.id, subject],
    );
    for (const event of events) {
      const payload = scrubbedText(event.payload, erase);
      if (payload === null) continue;
      await rawQuery(tx.em, 'update webhook_event set payload = ? where id = ?', [payload, event.id]);
      count++;
    }
  }
  return count;
}

/**
 * Rewrites the answers kept for the organization's keys that quote any of `quoted` (the person's emails as they
 * were). A replay then answers the scrubbed answer; the key is kept, so a retry still does not act again.
 */
async function scrubStoredAnswers(
  em: EntityManager,
  organizationId: number,
  quoted: readonly string[],
  erase: Eraser,
): Promise<number> {
  let count = 0;
  for (const text of new Set(quoted)) {
    const answers = await rawQuery<{ id: string; response_body: string }>(
      em,
      `select id, response_body from idempotency_key
        where caller_hash in (select key_hash from api_key where organization_id = ?) and response_body like ?`,
      [organizationId, `%${text}%`],
    );
    for (const answer of answers) {
      const body = scrubbedText(answer.response_body, erase);
      if (body === null) continue;
      await rawQuery(em, 'update idempotency_key set response_body = ? where id = ?', [body, answer.id]);
      count++;
    }
  }
  return count;
}

/** An erasure made in a transaction: what remains to do once it has committed. */
export interface Erasure {
  surface: 'kardow' | 'polar';
  eraser: Eraser;
  /** The person's emails as they were, by which the answers kept for keys are found. */
  quoted: readonly string[];
}

/** The answers kept for keys that quote the person, scrubbed in the erasure's transaction and counted. */
export const scrubAnswersKept = (tx: RequestScope, erasure: Erasure): Promise<number> =>
  scrubStoredAnswers(tx.em, tx.organization.id, erasure.quoted, erasure.eraser);

/**
 * Once the erasure is in (a keyed request's own transaction included): it is counted, the answers kept for keys are
 * scrubbed again for the erasure's own answer (stored with its commit) and any a concurrent call stored meanwhile,
 * and SQLite's log is emptied.
 */
export function finishErasure(scope: RequestScope, erasure: Erasure): Promise<void> {
  return whenCommitted(scope, async () => {
    erasures.inc({ surface: erasure.surface });
    await scrubStoredAnswers(scope.db.fork(), scope.organization.id, erasure.quoted, erasure.eraser);
    await scope.db.checkpointErasure();
  });
}

/** A receipt with the counts given and none of the other kinds. */
export const receiptOf = (counts: Partial<ErasureReceipt>): ErasureReceipt => ({
  members: 0,
  subscriptions: 0,
  payments: 0,
  customers: 0,
  customerMembers: 0,
  events: 0,
  storedAnswers: 0,
  portalSessions: 0,
  ...counts,
});
