import { randomUUID } from 'node:crypto';
import { rawQuery, type Database, type EntityManager } from '@members/db';
import type { ClaimedDelivery } from './delivery-claims.js';
import type { Outcome } from './webhook-sender.js';

/** One finished attempt, waiting to be written. */
export interface FinishedAttempt {
  delivery: ClaimedDelivery;
  started: Date;
  durationMs: number;
  outcome: Outcome;
}

/** An attempt as written, with what it made of its delivery. */
export interface RecordedAttempt extends FinishedAttempt {
  status: 'succeeded' | 'failed' | 'pending';
}

export interface RetryRules {
  /** The first retry comes after about this long, doubling each time up to an hour (with jitter). */
  retryBaseMs: number;
  /** Retries stop, and the delivery is failed, once this long has passed since its first attempt. */
  giveUpAfterMs: number;
  /** Deliveries given up on in a row before an endpoint is disabled. */
  disableAfterFailures: number;
}

const hour = 60 * 60 * 1000;
const maxBatch = 500;
const maxQueued = 10_000;

/**
 * Writes each attempt as soon as it finishes, never waiting for another receiver: attempts that finish while a write
 * is under way go together in the next one (a group commit), so at a high rate a transaction carries many and at a
 * low rate each goes alone at once. Should a write fail (the database is away), its attempts are kept and written
 * with the next; should the process die first, their leases run out and the deliveries are sent again (at least once).
 */
export class AttemptRecorder {
  private queue: FinishedAttempt[] = [];
  private writing: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly rules: RetryRules,
    private readonly onError: (error: unknown) => void,
    private readonly onRecorded: (recorded: readonly RecordedAttempt[]) => void = () => undefined,
  ) {}

  record(attempt: FinishedAttempt): void {
    this.queue.push(attempt);
    this.writing ??= this.drain();
  }

  /** Resolves once everything handed in so far is written (or has failed to be). */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        // A statement's parameters are bounded (SQLite takes 32,766): a long queue goes in several writes.
        const batch = this.queue.splice(0, maxBatch);
        try {
          this.onRecorded(await this.write(batch));
        } catch (error) {
          this.onError(error);
          // Kept for the next write, up to a bound (past it the oldest go: their leases end and they are sent
          // again); a pause so that a database that is away is not asked in a loop.
          this.queue = [...batch, ...this.queue].slice(-maxQueued);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    } finally {
      this.writing = undefined;
    }
  }

  private write(batch: readonly FinishedAttempt[]): Promise<RecordedAttempt[]> {
    return this.db.fork().transactional(async (tx) => {
      const live = await holdEndpoints(tx, this.db.dialect, batch);
      const kept = batch.filter((attempt) => live.has(attempt.delivery.endpoint.id));
      if (kept.length === 0) return [];
      const now = new Date();
      const settled = kept.map((attempt) => this.settle(attempt, now));
      await insertAttempts(tx, kept);
      await updateDeliveries(tx, this.db.dialect, settled);
      await this.updateEndpoints(tx, kept, settled);
      return kept.map((attempt, i) => ({ ...attempt, status: settled[i]?.status ?? 'pending' }));
    });
  }

  /** What an attempt makes of its delivery: succeeded, failed for good, or pending until its next try. */
  private settle({ delivery, started, outcome }: FinishedAttempt, now: Date) {
    const firstAttemptedAt = delivery.firstAttemptedAt ?? started;
    const attempts = delivery.attempts + 1;
    const givenUp =
      !outcome.succeeded && (outcome.final || now.getTime() - firstAttemptedAt.getTime() >= this.rules.giveUpAfterMs);
    const backoff = Math.min(this.rules.retryBaseMs * 2 ** (attempts - 1), hour) * (0.5 + Math.random());
    const status = outcome.succeeded ? 'succeeded' : givenUp ? 'failed' : 'pending';
    return {
      id: delivery.id,
      endpointId: delivery.endpoint.id,
      status,
      attempts,
      firstAttemptedAt,
      httpCode: outcome.httpCode,
      nextAttemptAt: new Date(now.getTime() + backoff),
      modifiedAt: now,
    } as const;
  }

  /**
   * A success clears an endpoint's run of failures (only where the claim saw one: nearly always there is none to
   * clear); a delivery given up on adds to it, and past the limit disables the endpoint.
   */
  private async updateEndpoints(tx: EntityManager, kept: readonly FinishedAttempt[], settled: readonly Settled[]) {
    const cleared = new Set<string>();
    const failures = new Map<string, number>();
    for (const [i, s] of settled.entries()) {
      if (s.status === 'succeeded' && (kept[i]?.delivery.endpoint.consecutiveFailures ?? 0) > 0)
        cleared.add(s.endpointId);
      if (s.status === 'failed') failures.set(s.endpointId, (failures.get(s.endpointId) ?? 0) + 1);
    }
    // In id order, like every other writer of endpoints, so two processes' writes cannot deadlock.
    const clears = [...cleared].filter((id) => !failures.has(id)).sort();
    if (clears.length > 0) {
      await rawQuery(
        tx,
        `update webhook_endpoint set consecutive_failures = 0
          where id in (${clears.map(() => '?').join(', ')}) and consecutive_failures > 0`,
        clears,
      );
    }
    for (const [id, failed] of [...failures].sort(([a], [b]) => a.localeCompare(b))) {
      await rawQuery(
        tx,
        `update webhook_endpoint set consecutive_failures = consecutive_failures + ?,
           enabled = case when consecutive_failures + ? >= ? then ? else enabled end where id = ?`,
        [failed, failed, this.rules.disableAfterFailures, false, id],
      );
    }
  }
}

type Settled = ReturnType<AttemptRecorder['settle']>;

/**
 * Holds the batch's endpoints (in id order) before any delivery row is written, and returns those that still exist.
 * Deleting an endpoint locks it first and then its deliveries (by cascade); writing in the other order (deliveries,
 * then attempts that reference the endpoint) deadlocked with it on PostgreSQL. The deliveries of an endpoint deleted
 * meanwhile went with it: there is nothing to record.
 */
async function holdEndpoints(tx: EntityManager, dialect: Database['dialect'], batch: readonly FinishedAttempt[]) {
  const ids = [...new Set(batch.map((attempt) => attempt.delivery.endpoint.id))].sort();
  const lock = dialect === 'postgresql' ? 'for key share' : '';
  const rows = await rawQuery<{ id: string }>(
    tx,
    `select id from webhook_endpoint where id in (${ids.map(() => '?').join(', ')}) order by id ${lock}`,
    ids,
  );
  return new Set(rows.map((row) => row.id));
}

async function insertAttempts(tx: EntityManager, attempts: readonly FinishedAttempt[]) {
  const row = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  await rawQuery(
    tx,
    `insert into webhook_attempt (id, delivery_id, event_id, endpoint_id, organization_id, succeeded, http_code,
       response, duration_ms, created_at) values ${attempts.map(() => row).join(', ')}`,
    attempts.flatMap(({ delivery, outcome, durationMs, started }) => [
      randomUUID(),
      delivery.id,
      delivery.eventId,
      delivery.endpoint.id,
      delivery.endpoint.organizationId,
      outcome.succeeded,
      outcome.httpCode,
      outcome.response,
      durationMs,
      started,
    ]),
  );
}

const deliveryColumns = [
  'id',
  'status',
  'attempts',
  'first_attempted_at',
  'http_code',
  'next_attempt_at',
  'modified_at',
];
const deliveryColumnTypes = ['uuid', 'text', 'integer', 'timestamptz', 'integer', 'timestamptz', 'timestamptz'];

/** Every delivery of the batch in one statement: `update ... from` a list of values, which both databases take. */
async function updateDeliveries(tx: EntityManager, dialect: Database['dialect'], settled: readonly Settled[]) {
  const row = `(${deliveryColumns.map(() => '?').join(', ')})`;
  // PostgreSQL types a VALUES list from its first row, so that row names its types, and names the columns after it;
  // SQLite calls them column1, column2, ... and takes the values as they come.
  const values =
    dialect === 'postgresql'
      ? `(values (${deliveryColumnTypes.map((type) => `cast(? as ${type})`).join(', ')})${`, ${row}`.repeat(settled.length - 1)})
           as v(${deliveryColumns.join(', ')})`
      : `(select ${deliveryColumns.map((column, i) => `column${i + 1} as ${column}`).join(', ')}
           from (values ${Array(settled.length).fill(row).join(', ')})) as v`;
  await rawQuery(
    tx,
    `update webhook_delivery set status = v.status, attempts = v.attempts, first_attempted_at = v.first_attempted_at,
       last_http_code = v.http_code, next_attempt_at = v.next_attempt_at, leased_until = null, modified_at = v.modified_at
     from ${values}
     where webhook_delivery.id = v.id`,
    settled.flatMap((s) => [s.id, s.status, s.attempts, s.firstAttemptedAt, s.httpCode, s.nextAttemptAt, s.modifiedAt]),
  );
}
