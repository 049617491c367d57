import { beginWithStatement, rawQuery, type Database, type EntityManager, type Literal } from '@members/db';
import { crashPoint } from '../crash-point.js';
import { DomainError } from '../errors.js';
import {
  claimedOnPostgres,
  claimOnPostgres,
  claimOnSqlite,
  keepAnswerAlone,
  writeAnswer,
  type KeyOfRequest,
  type KeyState,
} from './key-claim.js';

export const keyInUse = () =>
  new DomainError('idempotency_key_in_use', 'A request with this Idempotency-Key is still running');

export const keyReused = () =>
  new DomainError('idempotency_key_reused', 'This Idempotency-Key was used with another request', {
    issues: [{ path: ['idempotency-key'], message: 'was used with another request', source: 'header' }],
  });

/** What a keyed request that did not run answers in place of what its surface wrote. */
export type AnswerInstead =
  | { kind: 'replay'; statusCode: number; body: string }
  | { kind: 'refuse'; error: DomainError };

/** The request's transaction, whichever way it was begun. */
interface Held {
  em: EntityManager;
  /** Sends `last` (with `?` for `values`), then commits. */
  commit(last: string, values: readonly Literal[]): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * Begins the request's transaction with the key's claim as its first statement. On PostgreSQL the claim goes with
 * the `BEGIN`, and the answer later with the `COMMIT`: a keyed request costs its change two round trips more,
 * where knex's own transaction would cost four (and a commit of its own for the claim, as it did before).
 */
async function beginClaimed(db: Database, key: KeyOfRequest): Promise<{ held: Held; state: KeyState }> {
  const now = new Date();
  if (db.dialect === 'postgresql') {
    const claim = claimOnPostgres(key, now);
    const held = await beginWithStatement(db, claim.sql, claim.values);
    try {
      return { held, state: await claimedOnPostgres(held.em, key, now, held.firstRows) };
    } catch (error) {
      await held.rollback().catch(() => undefined);
      throw error;
    }
  }
  const em = db.fork();
  await em.begin();
  const held: Held = {
    em,
    async commit(last, values) {
      try {
        await rawQuery(em, last, values);
        await em.commit();
      } catch (error) {
        await em.rollback().catch(() => undefined);
        throw error;
      }
    },
    rollback: () => em.rollback(),
  };
  try {
    return { held, state: await claimOnSqlite(em, key, now) };
  } catch (error) {
    await em.rollback().catch(() => undefined);
    throw error;
  }
}

/**
 * One HTTP request that carries an Idempotency-Key: its procedures (one, or a tRPC batch's) run in one transaction,
 * begun when the first needs it (after authentication), whose first statement claims the key; `settle` writes the
 * answer in it and commits. A key answered before, used with another request, or held by a request still running is
 * found by that claim: the call is stopped there, and `settle` says what to answer instead. Nothing is begun for a
 * request refused before any procedure ran (a bad API key, a rate limit): no answer is kept for it, and its retry
 * runs.
 */
export class KeyedRequest {
  private transaction: Promise<Held> | undefined;
  /** The key's row, once this request's transaction holds it. */
  private row: string | undefined;
  private instead: AnswerInstead | undefined;
  /** A call of one failed: its transaction may be unusable (PostgreSQL aborts it at a failed statement). */
  private failed = false;
  /** Calls of a batch run one after another: they share the transaction's one connection. */
  private queue: Promise<unknown> = Promise.resolve();
  /** What the calls left to do once their changes are in (see `whenCommitted`). */
  private committed: (() => Promise<void>)[] = [];

  /** Runs `work` after this request's transaction commits, before its answer is sent; never if it rolls back. */
  readonly afterCommit = (work: () => Promise<void>): void => {
    this.committed.push(work);
  };

  constructor(
    private readonly db: Database,
    readonly key: KeyOfRequest,
    private readonly done: () => void,
  ) {}

  /**
   * Runs one procedure call in the request's transaction. The calls of a batch each get a savepoint, so that one
   * that fails leaves the others' work; a request of one call needs none: if it fails, the whole transaction is
   * rolled back (`settle` then keeps its answer on its own, there being no change to keep it with).
   */
  run<T>(work: (em: EntityManager) => Promise<T>, { alone }: { alone: boolean }): Promise<T> {
    const turn = this.queue.then(async () => {
      const { em } = await (this.transaction ??= this.begin());
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

  private async begin(): Promise<Held> {
    const { held, state } = await beginClaimed(this.db, this.key);
    if (state.kind === 'held') {
      this.row = state.id;
      return held;
    }
    await held.rollback().catch(() => undefined);
    this.instead =
      state.kind === 'answered'
        ? { kind: 'replay', statusCode: state.statusCode, body: state.body }
        : { kind: 'refuse', error: state.kind === 'reused' ? keyReused() : keyInUse() };
    // Stops the call; what its surface makes of this is never sent (`settle` answers `instead`).
    throw this.instead.kind === 'refuse' ? this.instead.error : keyInUse();
  }

  /** Ends the request without an answer (its caller went away): nothing is kept, and its retry runs. */
  async abandon(): Promise<void> {
    await this.settle(599, '');
  }

  /**
   * Ends the request: an answer below 500 is written with the change and committed, so the two land together or not
   * at all; a 5xx rolls back and keeps nothing, so its retry runs. Answers what to send in place of the surface's
   * answer when the request did not run (a replay, or a refusal). Throws when the commit fails: the caller must then
   * not send the answer it had.
   */
  async settle(statusCode: number, body: string): Promise<AnswerInstead | undefined> {
    try {
      const begun = await this.transaction?.catch(() => undefined);
      if (this.instead) return this.instead;
      if (!begun || this.row === undefined) return undefined;
      await this.queue;
      if (statusCode >= 500 || this.failed) await begun.rollback().catch(() => undefined);
      if (statusCode >= 500) return undefined;
      if (this.failed) {
        // Nothing was changed, and the rollback took the claim with it: the answer is kept alone.
        await keepAnswerAlone(this.db.fork(), this.db.dialect === 'postgresql', this.key, statusCode, body);
        return undefined;
      }
      crashPoint('idempotent-before-commit');
      await begun.commit(writeAnswer, [statusCode, body, this.row]);
      crashPoint('idempotent-after-commit');
      for (const work of this.committed) await work().catch(() => undefined);
      return undefined;
    } finally {
      this.done();
    }
  }
}
