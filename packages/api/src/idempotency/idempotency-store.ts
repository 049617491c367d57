import type { Database } from '@members/db';
import type { KeyOfRequest } from './key-claim.js';
import { KeyedRequest } from './keyed-request.js';

/** What a request with an Idempotency-Key may do before it reaches the database. */
export type Claim =
  /** Run it as `request`: its transaction claims the key first, and records the answer with the change. */
  | { kind: 'run'; request: KeyedRequest }
  /** A request with this key is running in this process now. */
  | { kind: 'in_use' };

/** Keys whose request runs in this process, per database handle (the test's store and the server's share it). */
const runningHere = new WeakMap<Database, Set<string>>();
const runningIn = (db: Database) => {
  let running = runningHere.get(db);
  if (!running) runningHere.set(db, (running = new Set()));
  return running;
};

/**
 * Idempotency keys in the database, Brandur Leach's way: the transaction that does the request's work claims the key
 * (its row, and on PostgreSQL a lock on it held to the end) and writes the answer. A process that dies leaves either
 * nothing (its transaction rolls back, the lock goes with its connection, and the retry runs) or the change with its
 * answer (the retry replays it). Whether a request is still running is the database's word (the lock, or on SQLite
 * this process's own list, since one process serves a file's requests at a time), never a timer.
 */
export class IdempotencyStore {
  constructor(private readonly db: Database) {}

  claim(key: KeyOfRequest): Claim {
    const running = runningIn(this.db);
    const name = `${key.callerHash} ${key.key}`;
    if (running.has(name)) return { kind: 'in_use' };
    running.add(name);
    return { kind: 'run', request: new KeyedRequest(this.db, key, () => running.delete(name)) };
  }
}
