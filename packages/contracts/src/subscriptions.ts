import { anyKeyScope } from './enums.js';
import { eventStreamInput, loggedEvent } from './event-log.js';
import { subscription } from './procedure.js';

/** Every tRPC subscription of the service, over SSE (`httpSubscriptionLink`). */
export const subscriptions = {
  events: {
    stream: subscription(
      anyKeyScope,
      eventStreamInput,
      loggedEvent,
      "The organization's events as they commit, those the key's scopes may read; with lastEventId, every one after it first",
    ),
  },
};

export type Subscriptions = typeof subscriptions;
