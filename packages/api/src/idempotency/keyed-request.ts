import { IdempotencyKey, rawQuery, type Database, type EntityManager } from '@members/db';
import { crashPoint } from '../crash-point.js';
import { DomainError } from '../errors.js';

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

  /** Ends the request without an answer (its caller went away): nothing is kept, and its retry runs. */
  abandon(): Promise<void> {
    return this.settle(599, '');
  }

  /**
   * Ends the request: an answer below 500 is written with the change and committed, so the two land together or not
   * at all; a 5xx rolls back and keeps nothing, so its retry runs. Throws when the commit fails: the caller must then
   * not send the answer it had.
   */
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
        await rawQuery(begun, 'update idempotency_key set status_code = ?, response_body = ? where id = ?', [
          statusCode,
          body,
          this.id,
        ]);
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
