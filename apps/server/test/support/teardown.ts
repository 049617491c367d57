import { afterAll } from 'vitest';

/**
 * Closes what a file's (or a `describe`'s) setup made, after its tests, newest first. Each resource is registered as
 * it is made, with the value it was made with, so a setup that failed halfway closes what it got to and never
 * touches what it did not: no teardown hook has to guess, against the types, which variables were set.
 */
export function closeAfterAll() {
  const closers: (() => unknown)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });
  return function onClose<T>(resource: T, close: (resource: T) => unknown): void {
    closers.push(() => close(resource));
  };
}
