/** A closed-loop load: `concurrency` callers, each sending its next request as soon as the last answers. */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  failures: number;
}

export async function load(
  total: number,
  concurrency: number,
  send: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        if (!(await send(i))) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => quantile(latencies, q);
  return { requests: total, seconds, perSecond: total / seconds, p50ms: at(0.5), p99ms: at(0.99), failures };
}

/** The value at quantile `q` of values sorted ascending (0 for none). */
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * An open-loop load: `rate` requests a second for `seconds`, sent on a clock whatever the answers' pace, as traffic
 * from many independent callers arrives. Resolves once every request has been answered, with how many failed.
 */
export async function paced(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<boolean>,
): Promise<{ sent: number; failed: number }> {
  const total = rate * seconds;
  const tick = 10;
  const perTick = (rate * tick) / 1000;
  const started = performance.now();
  let sent = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / tick + 1) * perTick));
    for (; sent < due; sent++) {
      const sending: Promise<void> = send(sent)
        .then((ok) => {
          if (!ok) failed++;
        })
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
    await new Promise((resolve) => setTimeout(resolve, tick));
  }
  await Promise.all(inFlight);
  return { sent, failed };
}
