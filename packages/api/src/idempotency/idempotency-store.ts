import { randomUUID } from 'node:crypto';
import { IdempotencyKey, rawQuery, type Database, type EntityManager } from '@members/db';
import { crashPoint } from '../crash-point.js';
import { DomainError } from '../errors.js';

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

export const keyInUse = () =>
  new DomainError('idempotency_key_in_use', 'A request with this Idempotency-Key is still running');

/** PostgreSQL's `lock_not_available`: `FOR UPDATE NOWAIT` met a row another transaction holds. */
const isLockNotAvailable = (error: unknown): boolean => {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if ((cause as Error & { code?: unknown }).code === '55P03') return true;
    cause = cause.cause;
  }
  return false;
};

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

/**
 * One HTTP request that carries an Idempotency-Key and runs: its procedures (one, or a tRPC batch's) run in one
 * transaction, begun when the first needs it, with the key's row locked; `settle` writes the answer in it and
 * commits. Nothing is begun for a request refused before any procedure ran (a bad key, a rate limit): no answer is
 * kept for it, and its retry runs.
 */
export class KeyedRequest {
  private transaction: Promise<EntityManager> | undefined;
  /** A call of one failed: its transaction may be unusable (PostgreSQL aborts it at a failed statement). */
  private failed = false;
  /** Calls of a batch run one after another: they share the transaction's one connection. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    /** The key's row. */
    readonly id: string,
    private readonly done: () => void,
  ) {}

  /**
   * Runs one procedure call in the request's transaction. The calls of a batch each get a savepoint, so that one
   * that fails leaves the others' work; a request of one call needs none: if it fails, the whole transaction is
   * rolled back (`settle` then keeps its answer on its own, there being no change to keep it with).
   */
  run<T>(work: (em: EntityManager) => Promise<T>, { alone }: { alone: boolean }): Promise<T> {
    const turn = this.queue.then(async () => {
      const em = await (this.transaction ??= this.begin());
      if (!alone) return em.transactional(work);
      try {
        return await work(em);
      } catch (error) {
        this.failed = true;
        throw error;
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async begin(): Promise<EntityManager> {
    const em = this.db.fork();
    await em.begin();
    try {
      // PostgreSQL: the row lock, or 409 at once if another transaction holds it. SQLite: a write first, so the
      // transaction takes the file's write lock now (waiting for another process's writer) and reads after it.
      const [row] =
        this.db.dialect === 'postgresql'
          ? await rawQuery<{ status_code: number | null }>(
              em,
              'select status_code from idempotency_key where id = ? for update nowait',
              [this.id],
            )
          : await rawQuery<{ status_code: number | null }>(
              em,
              'update idempotency_key set fingerprint = fingerprint where id = ? returning status_code',
              [this.id],
            );
      // Answered by another process meanwhile (or forgotten): this one must not run it again.
      if (!row || row.status_code !== null) throw keyInUse();
      return em;
    } catch (error) {
      await em.rollback().catch(() => undefined);
      throw isLockNotAvailable(error) ? keyInUse() : error;
    }
  }

  /**
   * Ends the request: an answer below 500 is written with the change and committed, so the two land together or not
   * at all; a 5xx rolls back and keeps nothing, so its retry runs. Throws when the commit fails: the caller must then
   * not send the answer it had.
   */
  /** Ends the request without an answer (its caller went away): nothing is kept, and its retry runs. */
  abandon(): Promise<void> {
    return this.settle(599, '');
  }

  async settle(statusCode: number, body: string): Promise<void> {
    try {
      const begun = await this.transaction?.catch(() => undefined);
      if (!begun) return;
      await this.queue;
      if (statusCode >= 500 || this.failed) await begun.rollback().catch(() => undefined);
      if (statusCode >= 500) return;
      if (this.failed) {
        // Nothing was changed: the answer is kept alone, unless another request took the key over meanwhile.
        await this.db
          .fork()
          .nativeUpdate(IdempotencyKey, { id: this.id, statusCode: null }, { statusCode, responseBody: body });
        return;
      }
      try {
        await begun.nativeUpdate(IdempotencyKey, { id: this.id }, { statusCode, responseBody: body });
        crashPoint('idempotent-before-commit');
        await begun.commit();
        crashPoint('idempotent-after-commit');
      } catch (error) {
        await begun.rollback().catch(() => undefined);
        throw error;
      }
    } finally {
      this.done();
    }
  }
}
