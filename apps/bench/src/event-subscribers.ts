/**
 * A process of subscribers to `events.stream` for the fan-out bench (event-fan-out.ts), apart from the load and the
 * servers so that its parsing does not delay either: forked with `{ url, key, count }` on its command line, it opens
 * `count` streams as `httpSubscriptionLink` does (a GET of the procedure with `Accept: text/event-stream`), says
 * `ready` once every one has started, and answers `report` with how many events arrived and their lag: receipt minus
 * the event's `createdAt`, set by the server that wrote it (the same machine's clock).
 */
import { request } from 'node:http';
import { lagFigures } from './lag-subscriber.js';

const { url, key, count } = JSON.parse(process.argv[2] ?? '{}') as { url: string; key: string; count: number };
const lags: number[] = [];
let started = 0;

function subscribe(): void {
  const input = encodeURIComponent(JSON.stringify({ types: ['user.created'] }));
  const req = request(`${url}/trpc/events.stream?input=${input}`, {
    agent: false,
    headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
  });
  req.on('response', (res) => {
    if (res.statusCode !== 200) throw new Error(`events.stream answered ${res.statusCode}`);
    res.setEncoding('utf8');
    let pending = '';
    res.on('data', (text: string) => {
      pending += text;
      const messages = pending.split('\n\n');
      pending = messages.pop() ?? '';
      for (const message of messages) heard(message);
    });
  });
  req.end();
}

function heard(message: string): void {
  const fields = new Map(
    message.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
  const event = fields.get('event');
  if (event === 'connected') {
    if (++started === count) process.send?.({ type: 'ready' });
    return;
  }
  if (event !== undefined || !fields.has('id')) return;
  const { createdAt } = JSON.parse(fields.get('data') ?? '{}') as { createdAt: string };
  lags.push(Date.now() - Date.parse(createdAt));
}

process.on('message', (message) => {
  if (message === 'report') process.send?.({ type: 'report', received: lags.length, ...lagFigures(lags) });
});
for (let i = 0; i < count; i++) subscribe();
