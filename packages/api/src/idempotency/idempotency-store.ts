import { randomUUID } from 'node:crypto';
import { IdempotencyKey, type Database } from '@members/db';

/** What a request with an Idempotency-Key may do. */
export type Claim =
  /** First use: go ahead, then `complete` (or `release` for a 5xx). */
  | { kind: 'new'; id: string }
  /** Done before: answer what was answered then. */
  | { kind: 'replay'; statusCode: number; body: string | null }
  /** The first request with this key is still running. */
  | { kind: 'in_use' }
  /** The key was used for another request (another route or body). */
  | { kind: 'reused' };

const day = 24 * 60 * 60 * 1000;
/** A first request that has not finished in this time died with its process: its key may be claimed again. */
const abandonedAfter = 60 * 1000;

/**
 * Idempotency keys in the database, so the promise holds across server processes: the unique (caller, key) row is
 * claimed by one insert, and whoever loses the insert reads what the winner left.
 */
export class IdempotencyStore {
  constructor(private readonly db: Database) {}

  async claim(callerHash: string, key: string, fingerprint: string): Promise<Claim> {
    const em = this.db.fork();
    const now = new Date();
    await em.nativeDelete(IdempotencyKey, {
      callerHash,
      key,
      $or: [
        { expiresAt: { $lt: now } },
        { statusCode: null, createdAt: { $lt: new Date(now.getTime() - abandonedAfter) } },
      ],
    });
    const id = randomUUID();
    const inserted: unknown[] = await em
      .createQueryBuilder(IdempotencyKey)
      .insert({
        id,
        callerHash,
        key,
        fingerprint,
        statusCode: null,
        responseBody: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + day),
      })
      .onConflict(['callerHash', 'key'])
      .ignore()
      .returning('id')
      .execute('all', false);
    if (inserted.length > 0) return { kind: 'new', id };
    const stored = await em.findOne(IdempotencyKey, { callerHash, key }, { disableIdentityMap: true });
    // Released (a 5xx) between the other request's insert and this read: the caller's retry will claim it.
    if (!stored) return { kind: 'in_use' };
    if (stored.fingerprint !== fingerprint) return { kind: 'reused' };
    if (stored.statusCode === null || stored.statusCode === undefined) return { kind: 'in_use' };
    return { kind: 'replay', statusCode: stored.statusCode, body: stored.responseBody ?? null };
  }

  async complete(id: string, statusCode: number, body: string | null): Promise<void> {
    await this.db.fork().nativeUpdate(IdempotencyKey, { id }, { statusCode, responseBody: body });
  }

  /** A fault of ours is not kept: the retry runs again. */
  async release(id: string): Promise<void> {
    await this.db.fork().nativeDelete(IdempotencyKey, { id });
  }
}
