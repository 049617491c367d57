import { fork, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paced } from './load.js';
import type { BenchProcess } from './server-process.js';

export interface FanOutFigures {
  subscribers: number;
  syncs: number;
  failedSyncs: number;
  /** Events the subscribers were owed (each sync's `user.created`, once at each), and how many arrived. */
  expected: number;
  received: number;
  lagP50ms: number;
  lagP99ms: number;
  /** The reading server's resident memory with a stream whose client reads nothing: before, at most, and after. */
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssAfterMiB: number;
  /** When the server dropped that stream, from the first of its events being written; null if not in a minute. */
  stalledDroppedAfterS: number | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Events from one process to the streams of another: `subscribers` streams of `user.created` on `reader` (in a
 * process of their own, event-subscribers.ts) while `sync` writes to the other at `rate` a second for `seconds`; lag
 * is from the event's `createdAt` to its receipt. Then the reading server's memory with a stream whose client reads
 * nothing (`measureStalledStream`).
 */
export async function measureEventFanOut(options: {
  reader: BenchProcess;
  key: string;
  sync: (i: number) => Promise<boolean>;
  rate: number;
  seconds: number;
  subscribers: number;
  /** Writes `count` members at once (the batch sync), for the stalled stream. */
  writeMany: (count: number) => Promise<void>;
}): Promise<FanOutFigures> {
  const { reader, key } = options;
  const child = fork(path.join(here, 'event-subscribers.js'), [
    JSON.stringify({ url: reader.url, key, count: options.subscribers }),
  ]);
  // One answer of the child's of `type`; its end instead fails the bench.
  const reply = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the subscribers exited with ${code}`));
      const heard = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', heard).off('exit', exited);
        resolve(message);
      };
      child.on('message', heard).once('exit', exited);
    });
  await reply('ready');

  const { sent, failed } = await paced(options.rate, options.seconds, options.sync);
  const expected = (sent - failed) * options.subscribers;
  let report = { received: 0, lagP50ms: 0, lagP99ms: 0 };
  for (const until = Date.now() + 60_000; Date.now() < until; ) {
    child.send('report');
    report = await reply('report');
    if (report.received >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  return {
    subscribers: options.subscribers,
    syncs: sent,
    failedSyncs: failed,
    expected,
    received: report.received,
    lagP50ms: report.lagP50ms,
    lagP99ms: report.lagP99ms,
    ...(await measureStalledStream(reader, key, options.writeMany)),
  };
}

/**
 * The reading server's memory while a stream's client reads nothing: `writeMany` writes 20,000 members (about 7 MB
 * of events, more than the kernel's buffers take for one socket), then the server's RSS is followed until the stream
 * is dropped (`event_streams_dropped_total`) or a minute has passed.
 */
async function measureStalledStream(
  reader: BenchProcess,
  key: string,
  writeMany: (count: number) => Promise<void>,
): Promise<Pick<FanOutFigures, 'rssBeforeMiB' | 'rssPeakMiB' | 'rssAfterMiB' | 'stalledDroppedAfterS'>> {
  const streams = () => metric(reader.url, 'event_streams_open');
  const dropped = () => metric(reader.url, 'event_streams_dropped_total');
  const droppedBefore = await dropped();
  const openBefore = await streams();
  const stalled = stalledStream(reader.url, key);
  while ((await streams()) === openBefore) await new Promise((resolve) => setTimeout(resolve, 50));
  const rssBeforeMiB = reader.memory().rssMiB;
  let rssPeakMiB = rssBeforeMiB;
  const started = performance.now();
  await writeMany(20_000);
  let stalledDroppedAfterS: number | null = null;
  for (const until = started + 60_000; performance.now() < until; ) {
    rssPeakMiB = Math.max(rssPeakMiB, reader.memory().rssMiB);
    if ((await dropped()) > droppedBefore) {
      stalledDroppedAfterS = (performance.now() - started) / 1000;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stalled.kill();
  return { rssBeforeMiB, rssPeakMiB, rssAfterMiB: reader.memory().rssMiB, stalledDroppedAfterS };
}

/**
 * A stream whose client asks for every event, then never reads a byte of them, with a 4 KiB receive buffer (Python,
 * as Node cannot set SO_RCVBUF on a TCP socket): the kernel would otherwise take megabytes for it before the server
 * saw any sign of a client that does not read.
 */
function stalledStream(url: string, key: string) {
  const { hostname, port } = new URL(url);
  const request = [
    `GET /trpc/events.stream?input=${encodeURIComponent('{}')} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Authorization: Bearer ${key}`,
    'Accept: text/event-stream',
    '',
    '',
  ].join('\r\n');
  const script = [
    'import socket, sys, time',
    'client = socket.socket()',
    'client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)',
    `client.connect((${JSON.stringify(hostname)}, ${Number(port)}))`,
    `client.sendall(${JSON.stringify(request)}.encode())`,
    'time.sleep(3600)',
  ].join('\n');
  return spawn('python3', ['-c', script], { stdio: 'ignore' });
}

/** A metric's value, as the server's `/metrics` gives it (open unless METRICS_TOKEN is set). */
async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
}
