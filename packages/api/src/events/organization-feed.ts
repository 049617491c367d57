import { loggedEvent, type LoggedEvent, type LoggedEventType } from '@members/contracts';
import type { Database } from '@members/db';
import { onEventLogged } from '../webhooks/outbox-signal.js';
import { eventsAfter, headOf } from './event-log.js';

/** The newest events a feed keeps in memory for its streams: one further behind reads the log itself. */
const keptEvents = 2000;
/** Events a feed reads from the log at once; more are read straight after. */
const readPage = 500;
/** The events an erasure writes (Kardow's member, Polar's customer and its team), with the log scrubbed before them. */
const erasing = new Set<LoggedEventType>(['user.deleted', 'customer.deleted']);
/** How often a feed reads without any word: a notification lost while its connection was down costs this much. */
const pollMs = 1000;

/**
 * One reader of an organization's log for every stream of this process: a word of new events (this process's own,
 * or PostgreSQL's `event_logged` from any process) makes it read once after the last event it holds, keep the newest
 * `keptEvents`, and wake its streams, which take theirs from memory. So 200 streams cost one query per word, not 200;
 * and a stream that reads slowly holds no copy of its own, only its place.
 */
export class OrganizationFeed {
  /** Events after `floor` up to `head`, oldest first, each held to the contract once for every stream. */
  private events: LoggedEvent[] = [];
  /** Where what the feed holds begins and ends; unknown until its first read. */
  private floor: number | undefined;
  private head: number | undefined;
  private readonly streams = new Set<() => void>();
  private reading = false;
  private readAgain = false;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly organizationId: number,
    private readonly onEmpty: () => void,
  ) {}

  /** Adds a stream to wake after each read; the returned function removes it (the last one stops the feed). */
  join(wake: () => void): () => void {
    this.streams.add(wake);
    if (!this.poll) {
      this.poll = setInterval(() => this.wake(), pollMs).unref();
      this.wake();
    }
    return () => {
      this.streams.delete(wake);
      if (this.streams.size > 0) return;
      clearInterval(this.poll);
      this.poll = undefined;
      this.onEmpty();
    };
  }

  /**
   * Up to `limit` of the events of `types` after `after` that the feed holds, oldest first; undefined when it does
   * not hold everything after `after` (it has not read yet, or `after` is older than what it keeps), and the stream
   * reads the log itself.
   */
  eventsAfter(after: number, types: ReadonlySet<LoggedEventType>, limit: number): LoggedEvent[] | undefined {
    if (this.floor === undefined || after < this.floor) return undefined;
    const found: LoggedEvent[] = [];
    for (let index = this.firstAfter(after); index < this.events.length && found.length < limit; index++) {
      const event = this.events[index]!;
      if (types.has(event.type)) found.push(event);
    }
    return found;
  }

  /** Reads what is new: once at a time, and once more after if a word came while it read. */
  wake(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    void this.read().finally(() => {
      this.reading = false;
      for (const wake of this.streams) wake();
    });
  }

  private async read(): Promise<void> {
    do {
      this.readAgain = false;
      try {
        if (this.head === undefined) {
          // Whatever came before this first read is the log's: streams that want it read it themselves.
          this.head = Number(await headOf(this.db.fork(), this.organizationId));
          this.floor = this.head;
        }
        const read = await eventsAfter(this.db.fork(), this.organizationId, String(this.head), undefined, readPage);
        this.keep(read.map((event) => loggedEvent.parse(event)));
        if (read.length === readPage) this.readAgain = true;
      } catch {
        // The database is away: the streams wait, and the next word or poll reads again.
        return;
      }
    } while (this.readAgain && this.streams.size > 0);
  }

  private keep(read: LoggedEvent[]): void {
    if (read.length === 0) return;
    this.events.push(...read);
    this.head = Number(read.at(-1)!.id);
    // An erasure scrubs the log's copies of its person in the transaction of its deletion event: what the feed holds
    // from before that event may still quote them, so it goes, and a stream that wants it reads the scrubbed log.
    const erased = this.events.findLastIndex((event) => erasing.has(event.type));
    const dropped = Math.max(erased, this.events.length - keptEvents);
    if (dropped > 0) {
      this.floor = Number(this.events[dropped - 1]!.id);
      this.events = this.events.slice(dropped);
    }
  }

  /** The index of the first event held after position `after` (positions only grow, so a binary search). */
  private firstAfter(after: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (Number(this.events[middle]!.id) <= after) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

const feeds = new WeakMap<Database, Map<number, OrganizationFeed>>();

/**
 * The feed of organization `organizationId` in this process, made at its first stream. The first feed of a database
 * listens to `event_logged` (one connection for the process); on SQLite the process's own word is all there is.
 */
export function feedOf(db: Database, organizationId: number): OrganizationFeed {
  let ofDatabase = feeds.get(db);
  if (!ofDatabase) {
    const feedsOfDb = new Map<number, OrganizationFeed>();
    ofDatabase = feedsOfDb;
    feeds.set(db, feedsOfDb);
    const wakeAll = () => {
      for (const feed of feedsOfDb.values()) feed.wake();
    };
    db.listen('event_logged', wakeAll, () => undefined);
    onEventLogged(wakeAll);
  }
  let feed = ofDatabase.get(organizationId);
  if (!feed) {
    const owner = ofDatabase;
    feed = new OrganizationFeed(db, organizationId, () => owner.delete(organizationId));
    ofDatabase.set(organizationId, feed);
  }
  return feed;
}
