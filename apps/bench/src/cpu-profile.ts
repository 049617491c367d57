/**
 * Reads a V8 CPU profile (`node --cpu-prof`) into where the time went: each sample's self time is given to the
 * part of the stack it was taken in, named by the module the function belongs to. Self time, not inclusive: a
 * sample in pg's parser counts for the driver even when a service called it, so every microsecond is counted once.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a stage's modules are, first match wins. The stages follow a request through the server. */
const stages: [string, RegExp][] = [
  ['socket writes and reads (libuv, TCP)', /^node:(net|internal\/stream_base_commons|internal\/streams)/],
  ['Node HTTP (parser, headers, response)', /^node:(_http|http|internal\/http)/],
  [
    'Express, its router and body parsing',
    /node_modules\/(express|router|body-parser|raw-body|finalhandler|path-to-regexp|on-finished|type-is|content-type|media-typer|mime-types|qs|iconv-lite|depd|parseurl|encodeurl|statuses|vary|cookie|send|proxy-addr|forwarded|accepts|negotiator|fresh|etag|range-parser|content-disposition|merge-descriptors|unpipe|ee-first|destroy)\//,
  ],
  ['helmet and cors', /node_modules\/(helmet|cors|object-assign)\//],
  ['tRPC', /node_modules\/@trpc\//],
  ['zod', /node_modules\/zod\//],
  [
    'log line (pino)',
    /node_modules\/(pino|sonic-boom|thread-stream|on-exit-leak-free|quick-format-unescaped|atomic-sleep|fast-redact|safe-stable-stringify)/,
  ],
  ['metrics (prom-client)', /node_modules\/(prom-client|tdigest|bintrees)\//],
  ['MikroORM', /node_modules\/@mikro-orm\//],
  ['knex and its pool', /node_modules\/(knex|tarn|lodash|debug|ms|colorette|get-package-type|pg-connection-string)\//],
  [
    'driver (pg or better-sqlite3)',
    /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-|pg-int8|buffer-writer|packet-reader|better-sqlite3)/,
  ],
  // better-sqlite3 runs a statement within the JavaScript frame that calls it: on SQLite this is the database's time.
  ['raw statements (on SQLite: the database itself)', /\/packages\/db\/dist\/raw-query\.js/],
  ['ours: HTTP surfaces (rest, trpc, http, server)', /\/(packages\/(rest|trpc|http)|apps\/server)\/dist\//],
  ['ours: auth, idempotency, rate limits', /\/packages\/api\/dist\/(auth|idempotency|context)/],
  ['ours: events, webhooks, tallies', /\/packages\/api\/dist\/(webhooks|tally)/],
  ['ours: procedures and services', /\/packages\/api\/dist\//],
  ['ours: contracts and db', /\/packages\/(contracts|db)\/dist\//],
  ['floor app', /\/apps\/bench\/dist\//],
];

const special: Record<string, string> = {
  '(garbage collector)': 'garbage collection',
  '(program)': 'V8 and native (no JavaScript frame)',
  '(idle)': 'idle',
  '(root)': 'V8 and native (no JavaScript frame)',
};

function stageOf(frame: ProfileNode['callFrame']): string {
  if (frame.url === '') return special[frame.functionName] ?? 'V8 and native (no JavaScript frame)';
  for (const [stage, pattern] of stages) if (pattern.test(frame.url)) return stage;
  if (frame.url.startsWith('node:')) return 'Node internals (timers, promises, crypto, events)';
  return 'other modules';
}

/**
 * The samples taken while the process served: from the first sample in Node's HTTP server code to the last. The
 * start-up before (loading modules, migrations) and the shutdown after are no request's cost.
 */
function servingSamples(profile: CpuProfile): { node: ProfileNode; micros: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const inServer = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && requestFrames.has(frame.functionName) && frame.url.startsWith('node:_http')) return true;
    }
    return false;
  };
  const first = profile.samples.findIndex(inServer);
  const last = profile.samples.findLastIndex(inServer);
  if (first < 0) return [];
  return profile.samples.slice(first, last + 1).flatMap((id, i) => {
    const node = byId.get(id);
    return node ? [{ node, micros: profile.timeDeltas[first + i] ?? 0 }] : [];
  });
}

/** Node's functions that read a request off a socket (not the module's own loading, whose frames share its URL). */
const requestFrames = new Set(['parserOnHeadersComplete', 'parserOnIncoming', 'socketOnData']);

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

/** Microseconds of self time per stage while the process served, idle excluded. */
export function timeByStage(file: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { node, micros } of servingSamples(read(file))) {
    const stage = stageOf(node.callFrame);
    totals.set(stage, (totals.get(stage) ?? 0) + micros);
  }
  totals.delete('idle');
  return totals;
}

/** The `count` functions with the most self time while the process served: where to look next. */
export function topFunctions(file: string, count: number): [string, number][] {
  const totals = new Map<string, number>();
  for (const { node, micros } of servingSamples(read(file))) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    const where = url.replace(/^.*node_modules\//, '').replace(/^.*\/(packages|apps)\//, '$1/');
    const name = `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
    totals.set(name, (totals.get(name) ?? 0) + micros);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, count);
}
