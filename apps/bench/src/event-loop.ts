/**
 * The server's own event-loop delay (prom-client's `nodejs_eventloop_lag_*`, from perf_hooks' monitorEventLoopDelay),
 * over a stretch of work: the histogram restarts at every scrape, so a scrape before and one after bound it.
 */
export async function eventLoopDelayDuring(
  serverUrl: string,
  work: () => Promise<void> | void,
): Promise<{ p99ms: number; maxms: number }> {
  const scrape = async () => (await fetch(`${serverUrl}/metrics`)).text();
  await scrape();
  await work();
  const text = await scrape();
  const seconds = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return {
    p99ms: seconds('nodejs_eventloop_lag_p99_seconds') * 1000,
    maxms: seconds('nodejs_eventloop_lag_max_seconds') * 1000,
  };
}
