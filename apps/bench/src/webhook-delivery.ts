import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { median } from './load.js';

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
  const lags: number[] = [];
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { timestamp } = JSON.parse(body) as { timestamp: string };
      lags.push(Date.now() - Date.parse(timestamp));
      res.writeHead(200).end();
      if (lags.length >= count) resolveAll();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  await subscribe(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bench`);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await sync(`delivered-${next++}-${Date.now()}@example.com`);
    }),
  );
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 120_000))]);
  const seconds = (performance.now() - started) / 1000;
  receiver.closeAllConnections();
  receiver.close();
  lags.sort((a, b) => a - b);
  return {
    events: lags.length,
    perSecond: lags.length / seconds,
    lagP50ms: median(lags),
    lagP99ms: lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.99))] ?? 0,
  };
}
