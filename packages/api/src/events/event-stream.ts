import { loggedEvent, type EventStreamInput, type LoggedEvent, type LoggedEventType } from '@members/contracts';
import type { RequestScope } from '../request-scope.js';
import { assertLogged, eventsAfter, headOf, readableTypes } from './event-log.js';
import { feedOf } from './organization-feed.js';

/** Events a stream takes at once, from its feed or, when it is further behind, from the log. */
const pageSize = 100;

/**
 * `events.stream`: the organization's events of `types` (those the caller may read) from now on, or with
 * `lastEventId` every one after it first, each exactly once, in the log's order, a page at a time (as many as were
 * there to read, so that a server can write them to its client at once); until `signal` ends it. Where it starts is
 * settled before this resolves, so a change the caller makes once the stream has opened is in it. The stream takes
 * its events from its organization's feed in this process (`organization-feed.ts`), and from the log itself while it
 * is further behind than the feed keeps.
 */
export async function openEventStream(
  scope: RequestScope,
  input: EventStreamInput,
  signal: AbortSignal,
): Promise<AsyncIterable<LoggedEvent[]>> {
  const types = readableTypes(scope, input.types);
  if (input.lastEventId) await assertLogged(scope, input.lastEventId, 'lastEventId');
  const from = input.lastEventId ?? (await headOf(scope.em, scope.organization.id));
  return eventsFrom(scope, from, types, signal);
}

async function* eventsFrom(
  scope: RequestScope,
  from: string,
  types: readonly LoggedEventType[],
  signal: AbortSignal,
): AsyncGenerator<LoggedEvent[]> {
  const { db, organization } = scope;
  const wanted = new Set(types);
  let after = Number(from);
  const word = new Word();
  const feed = feedOf(db, organization.id);
  const leave = feed.join(() => word.say());
  try {
    while (!signal.aborted) {
      const events =
        feed.eventsAfter(after, wanted, pageSize) ??
        (await eventsAfter(db.fork(), organization.id, String(after), types, pageSize)).map((event) =>
          loggedEvent.parse(event),
        );
      if (events.length > 0) {
        yield events;
        after = Number(events.at(-1)!.id);
      }
      if (events.length === pageSize) continue;
      await word.heard(signal);
    }
  } finally {
    leave();
  }
}

/**
 * A word that new events may be there, kept until heard: one said while the stream reads is not lost. The feed says
 * it after every read, its polls included, so a stream needs no clock of its own.
 */
class Word {
  private said = false;
  private wake: (() => void) | undefined;

  say(): void {
    this.said = true;
    this.wake?.();
  }

  /** Waits for a word (returns at once for one said before), unless `ended` ends the wait first. */
  async heard(ended: AbortSignal): Promise<void> {
    if (!this.said && !ended.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          ended.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        ended.addEventListener('abort', done, { once: true });
        this.wake = done;
      });
    }
    this.said = false;
  }
}
