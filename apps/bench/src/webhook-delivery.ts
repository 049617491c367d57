import { lagFigures, startSubscriber } from './lag-subscriber.js';

export interface DeliveryFigures {
  events: number;
  perSecond: number;
  lagP50ms: number;
  lagP99ms: number;
}

/**
 * Webhook delivery as a subscriber sees it: `count` syncs that each create a member, and a receiver on loopback
 * that notes when each `user.created` arrives. Lag runs from the event's timestamp (taken in the transaction that
 * wrote it) to its arrival; throughput from the first sync sent to the last event received.
 */
export async function measureDelivery(
  sync: (email: string) => Promise<unknown>,
  subscribe: (url: string) => Promise<unknown>,
  count: number,
  concurrency: number,
): Promise<DeliveryFigures> {
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  const receiver = await startSubscriber(0, () => {
    if (receiver.lags.length >= count) resolveAll();
  });
  await subscribe(receiver.url);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await sync(`delivered-${next++}-${Date.now()}@example.com`);
    }),
  );
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 120_000))]);
  const seconds = (performance.now() - started) / 1000;
  receiver.close();
  return { events: receiver.lags.length, perSecond: receiver.lags.length / seconds, ...lagFigures(receiver.lags) };
}
