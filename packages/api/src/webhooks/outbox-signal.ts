/**
 * A word from this process that it wrote something, for those in the same process who wait on it; told once per
 * turn of the event loop however often it is said. Said while the writing transaction is still open: on SQLite's
 * one connection what a listener then reads runs after that transaction ends, so it finds what was committed.
 */
function processSignal() {
  const listeners = new Set<() => void>();
  let told = false;
  const on = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const say = (): void => {
    if (told || listeners.size === 0) return;
    told = true;
    setImmediate(() => {
      told = false;
      for (const listener of listeners) listener();
    });
  };
  return { on, say };
}

/** Deliveries were written: for a worker in the same process where the database cannot notify (SQLite). */
const deliveries = processSignal();
export const onDeliveriesScheduled = deliveries.on;
export const deliveriesScheduled = deliveries.say;

/**
 * Events were logged: for the log's readers in this process (`events.stream`). On PostgreSQL they also hear of
 * other processes' events by the `event_logged` notification.
 */
const events = processSignal();
export const onEventLogged = events.on;
export const eventLogged = events.say;
