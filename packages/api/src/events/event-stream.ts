import { loggedEvent, type EventStreamInput, type LoggedEvent, type LoggedEventType } from '@members/contracts';
import type { Database } from '@members/db';
import { onEventLogged } from '../webhooks/outbox-signal.js';
import type { RequestScope } from '../request-scope.js';
import { assertLogged, eventsAfter, headOf, readableTypes } from './event-log.js';

/** Events read from the log at once; more are read straight after. */
const pageSize = 100;
/** How often a stream looks without any word: a notification lost while its connection was down costs this much. */
const idleMs = 1000;

/** Every database's `event_logged` notifications reach this process's streams through one connection. */
const listening = new WeakSet<Database>();
const wakers = new Set<() => void>();
function wakeOnNotification(db: Database): void {
  if (listening.has(db)) return;
  listening.add(db);
  // On SQLite there is nothing to listen to: the process's own word (`onEventLogged`) is all there is.
  db.listen(
    'event_logged',
    () => {
      for (const wake of wakers) wake();
    },
    () => undefined,
  );
}

/**
 * `events.stream`: the organization's events of `types` (those the caller may read) from now on, or with
 * `lastEventId` every one after it first, each exactly once, in the log's order; until `signal` ends it. Where it
 * starts is settled before this resolves, so a change the caller makes once the stream has opened is in it. One word
 * of a new event (this process's, or PostgreSQL's `event_logged`) wakes every stream to read the log after the last
 * event it sent.
 */
export async function openEventStream(
  scope: RequestScope,
  input: EventStreamInput,
  signal: AbortSignal,
): Promise<AsyncIterable<LoggedEvent>> {
  const types = readableTypes(scope, input.types);
  if (input.lastEventId) await assertLogged(scope, input.lastEventId, 'lastEventId');
  return eventsFrom(scope, input.lastEventId ?? (await headOf(scope)), types, signal);
}

async function* eventsFrom(
  scope: RequestScope,
  from: string,
  types: readonly LoggedEventType[],
  signal: AbortSignal,
): AsyncGenerator<LoggedEvent> {
  let after = from;
  const word = new Word();
  const hear = () => word.say();
  wakers.add(hear);
  const stopListening = onEventLogged(hear);
  wakeOnNotification(scope.db);
  try {
    while (!signal.aborted) {
      const events = await eventsAfter({ ...scope, em: scope.db.fork() }, after, types, pageSize);
      for (const event of events) {
        yield loggedEvent.parse(event);
        after = event.id;
      }
      if (events.length === pageSize) continue;
      await word.heard(idleMs, signal);
    }
  } finally {
    wakers.delete(hear);
    stopListening();
  }
}

/** A word that new events may be there, kept until heard: one said while the stream reads is not lost. */
class Word {
  private said = false;
  private wake: (() => void) | undefined;

  say(): void {
    this.said = true;
    this.wake?.();
  }

  /** Waits for a word (returns at once for one said before), at most `ms`, unless `ended` ends the wait first. */
  async heard(ms: number, ended: AbortSignal): Promise<void> {
    if (!this.said && !ended.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          ended.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        ended.addEventListener('abort', done, { once: true });
        this.wake = done;
      });
    }
    this.said = false;
  }
}
