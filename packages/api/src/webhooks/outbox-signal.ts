/**
 * This process's word that it wrote deliveries, for a worker in the same process where the database cannot notify
 * (SQLite). Said while the writing transaction is still open: on SQLite's one connection the worker's claim runs
 * after that transaction ends, so it finds what was committed. Listeners are told once per turn of the event loop.
 */
const listeners = new Set<() => void>();
let told = false;

export function onDeliveriesScheduled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function deliveriesScheduled(): void {
  if (told || listeners.size === 0) return;
  told = true;
  setImmediate(() => {
    told = false;
    for (const listener of listeners) listener();
  });
}
