import { randomUUID } from 'node:crypto';
import { IdempotencyKey, rawQuery, type Database, type EntityManager } from '@members/db';
import { KeyedRequest } from './keyed-request.js';

/** What a request with an Idempotency-Key may do. */
export type Claim =
  /** Nobody is running it: run it as `request`, whose transaction records the answer with the change. */
  | { kind: 'run'; request: KeyedRequest }
  /** Done before: answer what was answered then. */
  | { kind: 'replay'; statusCode: number; body: string | null }
  /** A request with this key is running now. */
  | { kind: 'in_use' }
  /** The key was used for another request (another route or body). */
  | { kind: 'reused' };

const day = 24 * 60 * 60 * 1000;

/** Keys whose request runs in this process, per database handle (the test's store and the server's share it). */
const runningHere = new WeakMap<Database, Set<string>>();
const runningIn = (db: Database) => {
  let running = runningHere.get(db);
  if (!running) runningHere.set(db, (running = new Set()));
  return running;
};

/**
 * Idempotency keys in the database, Brandur Leach's way: the key's row is locked by the transaction that does the
 * request's work, and that same transaction writes the answer. A process that dies leaves either nothing (its
 * transaction rolls back, the lock goes with its connection, and the retry runs) or the change with its answer (the
 * retry replays it). Whether a request is still running is the database's word (the row lock, or on SQLite this
 * process's own list, since one process serves a file's requests at a time), never a timer.
 */
export class IdempotencyStore {
  constructor(private readonly db: Database) {}

  async claim(callerHash: string, key: string, fingerprint: string): Promise<Claim> {
    const em = this.db.fork();
    const running = runningIn(this.db);
    for (;;) {
      const now = new Date();
      const id = randomUUID();
      // Hand-written rather than the ORM's query builder, which cost a keyed request more CPU than the statement.
      const inserted = await rawQuery(
        em,
        `insert into idempotency_key (id, caller_hash, key, fingerprint, status_code, response_body, created_at,
           expires_at) values (?, ?, ?, ?, null, null, ?, ?) on conflict (caller_hash, key) do nothing returning id`,
        [id, callerHash, key, fingerprint, now, new Date(now.getTime() + day)],
      );
      // The common case, a key never seen: one statement, and the request runs.
      if (inserted.length > 0) return this.run(running, id);
      const stored = await em.findOne(IdempotencyKey, { callerHash, key }, { disableIdentityMap: true });
      // Lapsed and forgotten between the insert and this read: the caller's retry claims it anew.
      if (!stored) return { kind: 'in_use' };
      if (stored.expiresAt < now) {
        // Past its 24 hours: forgotten, and claimed afresh.
        await em.nativeDelete(IdempotencyKey, { id: stored.id, expiresAt: { $lt: now } });
        continue;
      }
      if (stored.fingerprint !== fingerprint) return { kind: 'reused' };
      if (stored.statusCode !== null && stored.statusCode !== undefined) {
        return { kind: 'replay', statusCode: stored.statusCode, body: stored.responseBody ?? null };
      }
      if (running.has(stored.id) || (await this.lockedElsewhere(em, stored.id))) return { kind: 'in_use' };
      return this.run(running, stored.id);
    }
  }

  private run(running: Set<string>, id: string): Claim {
    running.add(id);
    return { kind: 'run', request: new KeyedRequest(this.db, id, () => running.delete(id)) };
  }

  /** Whether another process's transaction holds the key's row (PostgreSQL; SQLite's file lock says so later). */
  private async lockedElsewhere(em: EntityManager, id: string): Promise<boolean> {
    if (this.db.dialect !== 'postgresql') return false;
    const free = await rawQuery(em, 'select id from idempotency_key where id = ? for update skip locked', [id]);
    return free.length === 0;
  }
}
