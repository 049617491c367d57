import { startSubscriber, lagFigures } from './lag-subscriber.js';
import { paced } from './load.js';

export interface SustainedFigures {
  /** Events each healthy subscriber was owed, and how many arrived in all. */
  expected: number;
  delivered: number;
  perSecond: number;
  /** Events not yet received by the healthy subscribers when the last sync was answered. */
  backlogAtStop: number;
  lagP50ms: number;
  lagP99ms: number;
  /** Syncs sent, and how many failed. */
  syncs: number;
  failedSyncs: number;
}

/**
 * Webhook delivery under a sustained write rate, as the README states the target: `rate` syncs a second for `seconds`,
 * sent on a clock whatever the answers' pace (an open loop), each creating a member whose `user.created` goes to
 * `healthy` subscribers that answer at once and to `slow` ones that take `slowMs` each. Figures are the healthy
 * subscribers': what they still lacked when the syncs stopped, and the lag from commit to receipt once all arrived.
 */
export async function measureSustainedDelivery(options: {
  sync: (email: string) => Promise<boolean>;
  subscribe: (url: string) => Promise<string>;
  unsubscribe: (id: string) => Promise<void>;
  rate: number;
  seconds: number;
  healthy: number;
  slow: number;
  slowMs: number;
  label: string;
}): Promise<SustainedFigures> {
  const healthy = await Promise.all(Array.from({ length: options.healthy }, () => startSubscriber(0)));
  const slow = await Promise.all(Array.from({ length: options.slow }, () => startSubscriber(options.slowMs)));
  const subscriptions: string[] = [];
  for (const subscriber of [...healthy, ...slow]) subscriptions.push(await options.subscribe(subscriber.url));
  const received = () => healthy.reduce((sum, subscriber) => sum + subscriber.lags.length, 0);

  const started = performance.now();
  const { sent: total, failed } = await paced(options.rate, options.seconds, (i) =>
    options.sync(`${options.label}-${i}-${Date.now()}@example.com`),
  );
  const expected = total - failed;
  const backlogAtStop = expected * healthy.length - received();
  for (const until = Date.now() + 120_000; received() < expected * healthy.length && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  for (const id of subscriptions) await options.unsubscribe(id);
  for (const subscriber of [...healthy, ...slow]) subscriber.close();
  return {
    expected,
    delivered: received(),
    perSecond: received() / seconds,
    backlogAtStop,
    ...lagFigures(healthy.flatMap((subscriber) => subscriber.lags)),
    syncs: total,
    failedSyncs: failed,
  };
}
