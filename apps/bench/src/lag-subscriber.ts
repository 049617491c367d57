import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { median, quantile } from './load.js';

export interface Subscriber {
  url: string;
  /** Each event's lag, in ms: its receipt minus the event's own timestamp. */
  lags: number[];
  close(): void;
}

/**
 * A webhook subscriber on loopback that notes each event's lag, calls `onEvent` after noting it, and answers 200
 * after `delayMs` (a slow neighbour) or at once.
 */
export async function startSubscriber(delayMs: number, onEvent: () => void = () => undefined): Promise<Subscriber> {
  const lags: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { timestamp } = JSON.parse(body) as { timestamp: string };
      lags.push(Date.now() - Date.parse(timestamp));
      onEvent();
      if (delayMs === 0) res.writeHead(200).end();
      else setTimeout(() => res.writeHead(200).end(), delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`,
    lags,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** The median and 99th percentile of some lags. */
export function lagFigures(lags: number[]): { lagP50ms: number; lagP99ms: number } {
  const sorted = [...lags].sort((a, b) => a - b);
  return {
    lagP50ms: median(sorted),
    lagP99ms: quantile(sorted, 0.99),
  };
}
