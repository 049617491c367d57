import type { Database } from '@members/db';
import { principalForKeyHash, type Principal } from './api-keys.js';

interface Entry {
  principal: Promise<Principal | null>;
  readAt: number;
}

/**
 * Principals by key hash, so a busy key costs one database read per second rather than one per request. An entry is
 * trusted for `freshForMs` after it was read: a key revoked by another process (the admin command line) is refused
 * within that, and `forget` (which `revokeApiKey` calls) refuses it at once in this one. Unknown keys and failed reads are not kept, so a new key
 * works at once and an outage is not remembered.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Database,
    private readonly freshForMs = 1000,
    private readonly maxEntries = 10_000,
  ) {}

  resolve(keyHash: string): Promise<Principal | null> {
    const now = Date.now();
    const cached = this.entries.get(keyHash);
    if (cached && now - cached.readAt < this.freshForMs) return cached.principal;
    // Concurrent requests with one key share this read.
    const entry: Entry = { principal: principalForKeyHash(this.db.fork(), keyHash), readAt: now };
    this.entries.delete(keyHash);
    this.entries.set(keyHash, entry);
    // A Map iterates in insertion order: the first entry is the least recently read.
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const drop = () => {
      if (this.entries.get(keyHash) === entry) this.entries.delete(keyHash);
    };
    entry.principal.then((principal) => {
      if (!principal) drop();
    }, drop);
    return entry.principal;
  }

  forget(keyHash: string): void {
    this.entries.delete(keyHash);
  }
}

const caches = new WeakMap<Database, PrincipalCache>();

/** The cache of every request served from `db`: one per database handle, so a revocation through it is seen at once. */
export function principalsOf(db: Database): PrincipalCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PrincipalCache(db)));
  return cache;
}
