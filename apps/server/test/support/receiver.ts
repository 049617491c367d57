import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver on loopback. `/ok` answers 200; `/fail-once` answers 500 to the first delivery of each
 * delivery id and 200 after; `/fail` always answers 500; `/hang` never answers; `/jitter` answers 200 after 0-20 ms, so that deliveries overlap;
 * `/slow` answers 200 after 250 ms, so that some are in flight at any instant.
 * `mostAtOnce` is the most requests it held unanswered at one time.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const failed = new Set<string>();
  const state = { open: 0, mostAtOnce: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    state.mostAtOnce = Math.max(state.mostAtOnce, ++state.open);
    res.once('close', () => state.open--);
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body });
      const id = String(req.headers['x-kardow-delivery'] ?? req.headers['webhook-id'] ?? '');
      if (path.startsWith('/hang')) return;
      if (path.startsWith('/fail/')) {
        res.writeHead(500).end('always failing');
        return;
      }
      if (path.startsWith('/slow')) {
        setTimeout(() => res.writeHead(200).end('ok'), 250);
        return;
      }
      if (path.startsWith('/jitter')) {
        setTimeout(() => res.writeHead(200).end('ok'), Math.random() * 20);
        return;
      }
      if (path.startsWith('/fail-once') && !failed.has(id)) {
        failed.add(id);
        res.writeHead(500).end('not yet');
        return;
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    get mostAtOnce() {
      return state.mostAtOnce;
    },
    /** Requests it holds unanswered now. */
    get open() {
      return state.open;
    },
    /** Waits until `count` requests to paths starting with `prefix` have arrived. */
    async waitFor(prefix: string, count: number, timeoutMs = 15_000): Promise<Received[]> {
      const started = Date.now();
      for (;;) {
        const matching = received.filter((request) => request.path.startsWith(prefix));
        if (matching.length >= count) return matching;
        if (Date.now() - started > timeoutMs) {
          throw new Error(`${matching.length} of ${count} deliveries to ${prefix} arrived`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
