import { randomUUID } from 'node:crypto';
import { rawQuery, rowDate, type EntityManager, type Literal } from '@members/db';

/** One request's key, as the caller sent it with its API key, and the request it names. */
export interface KeyOfRequest {
  callerHash: string;
  key: string;
  /** sha256 of method, path, query and body: the same key with another request is refused. */
  fingerprint: string;
}

/** What the key's row says, read in the request's own transaction. */
export type KeyState =
  /** This transaction holds the key and its row (new, or taken over): the answer goes into row `id`. */
  | { kind: 'held'; id: string }
  /** Another transaction holds the key: that request is still running. */
  | { kind: 'in_use' }
  /** Answered before, to this request. */
  | { kind: 'answered'; statusCode: number; body: string }
  /** Answered before, to another request. */
  | { kind: 'reused' };

const day = 24 * 60 * 60 * 1000;
/** A key is kept 24 hours from its claim. */
const expiryFrom = (now: Date) => new Date(now.getTime() + day);

/** The advisory locks' first number, which sets the keys' locks apart from any other the database holds. */
const keyLocks = 1296385355;
const lockTheKey = `select pg_try_advisory_xact_lock(${keyLocks}, hashtext(?::text || ' ' || ?::text)) as got`;
const keyColumns =
  'idempotency_key (id, caller_hash, key, fingerprint, status_code, response_body, created_at, expires_at)';

/** The key's row as a claim found it (all null when there was none). */
interface StoredRow {
  id: string | null;
  fingerprint: string | null;
  status_code: number | null;
  response_body: string | null;
  expires_at: string | number | Date | null;
}

/**
 * PostgreSQL's claim, the first statement of the request's transaction (sent with its `BEGIN`): a transaction-level
 * advisory lock on the key, taken without waiting, says whether a request with it is running; the row is claimed
 * behind it. The lock goes with the transaction, so a process that dies frees the key at once, and it holds through
 * PgBouncer's transaction pooling. `stored` is the row as the statement's snapshot saw it.
 */
export function claimOnPostgres(request: KeyOfRequest, now: Date): { sql: string; values: Literal[] } {
  const { callerHash, key, fingerprint } = request;
  return {
    sql: `with lock as (${lockTheKey}),
      claimed as (insert into ${keyColumns} select ?, ?, ?, ?, null, null, ?, ? from lock where got
        on conflict (caller_hash, key) do nothing returning id)
      select lock.got, claimed.id as claimed, stored.id, stored.fingerprint, stored.status_code,
        stored.response_body, stored.expires_at
      from lock left join claimed on true
        left join idempotency_key stored on stored.caller_hash = ? and stored.key = ?`,
    values: [callerHash, key, randomUUID(), callerHash, key, fingerprint, now, expiryFrom(now), callerHash, key],
  };
}

/** What PostgreSQL's claim answered, in the transaction that sent it. */
export function claimedOnPostgres(
  em: EntityManager,
  request: KeyOfRequest,
  now: Date,
  rows: unknown[],
): Promise<KeyState> {
  const [row] = rows as (StoredRow & { got: boolean; claimed: string | null })[];
  if (!row?.got) return Promise.resolve({ kind: 'in_use' });
  if (row.claimed) return Promise.resolve({ kind: 'held', id: row.claimed });
  return judgeStored(em, request, now, row);
}

/**
 * SQLite's claim: the insert is the transaction's first statement, so the transaction takes the file's write lock now
 * and reads after it; who else runs the key is this process's own word (one process serves a file's requests at a
 * time).
 */
export async function claimOnSqlite(em: EntityManager, request: KeyOfRequest, now: Date): Promise<KeyState> {
  const { callerHash, key, fingerprint } = request;
  const [claimed] = await rawQuery<{ id: string }>(
    em,
    `insert into ${keyColumns} values (?, ?, ?, ?, null, null, ?, ?) on conflict (caller_hash, key) do nothing
      returning id`,
    [randomUUID(), callerHash, key, fingerprint, now, expiryFrom(now)],
  );
  if (claimed) return { kind: 'held', id: claimed.id };
  const [stored] = await rawQuery<StoredRow>(
    em,
    `select id, fingerprint, status_code, response_body, expires_at from idempotency_key
      where caller_hash = ? and key = ?`,
    [callerHash, key],
  );
  return judgeStored(em, request, now, stored);
}

/** A key whose row was there before this request's claim. */
async function judgeStored(
  em: EntityManager,
  request: KeyOfRequest,
  now: Date,
  stored: StoredRow | undefined,
): Promise<KeyState> {
  // Committed by a request that finished after the claim's snapshot was taken: its answer is there for the retry.
  if (!stored?.id || stored.expires_at === null) return { kind: 'in_use' };
  const lapsed = rowDate(stored.expires_at) < now;
  if (!lapsed && stored.fingerprint !== request.fingerprint) return { kind: 'reused' };
  if (!lapsed && stored.status_code !== null) {
    return { kind: 'answered', statusCode: stored.status_code, body: stored.response_body ?? '' };
  }
  // Past its 24 hours (forgotten), or left unanswered by a process of an earlier release that died: this request
  // takes the row over.
  await rawQuery(
    em,
    `update idempotency_key set fingerprint = ?, status_code = null, response_body = null, created_at = ?,
       expires_at = ? where id = ?`,
    [request.fingerprint, now, expiryFrom(now), stored.id],
  );
  return { kind: 'held', id: stored.id };
}

/** The statement that writes the answer into the key's row, in the transaction that made the change. */
export const writeAnswer = 'update idempotency_key set status_code = ?, response_body = ? where id = ?';

/**
 * Keeps the answer of a request that changed nothing (its call failed, its transaction rolled back), on its own,
 * unless another request has taken the key meanwhile (PostgreSQL: holds its lock; either: answered it).
 */
export async function keepAnswerAlone(
  em: EntityManager,
  postgres: boolean,
  request: KeyOfRequest,
  statusCode: number,
  body: string,
): Promise<void> {
  const { callerHash, key, fingerprint } = request;
  const now = new Date();
  const values = [randomUUID(), callerHash, key, fingerprint, statusCode, body, now, expiryFrom(now)];
  const upsert = `on conflict (caller_hash, key) do update set fingerprint = excluded.fingerprint,
    status_code = excluded.status_code, response_body = excluded.response_body, created_at = excluded.created_at,
    expires_at = excluded.expires_at
    where idempotency_key.status_code is null or idempotency_key.expires_at < excluded.created_at`;
  if (postgres) {
    // One statement, its own transaction: the lock lasts as long as the insert.
    await rawQuery(
      em,
      `with lock as (${lockTheKey}) insert into ${keyColumns} select ?, ?, ?, ?, ?, ?, ?, ? from lock where got ${upsert}`,
      [callerHash, key, ...values],
    );
  } else {
    await rawQuery(em, `insert into ${keyColumns} values (?, ?, ?, ?, ?, ?, ?, ?) ${upsert}`, values);
  }
}
