/**
 * npm run bench: throughput, latency and memory of the real server, each scenario set against two baselines
 * measured in the same run: /healthz (the HTTP floor) and /readyz (one database round trip). These machines are
 * shared and noisy, so every figure is the median of BENCH_ROUNDS rounds and the ratios matter more than the
 * absolute numbers.
 *
 *   BENCH_DATABASE_URL   database (default: a new SQLite file); e.g. postgres://postgres@127.0.0.1:5432/members_bench
 *   BENCH_REQUESTS       requests per scenario per round (default 1000)
 *   BENCH_CONCURRENCY    requests in flight (default 16)
 *   BENCH_ROUNDS         rounds (default 3)
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, median, type LoadResult } from './load.js';
import { startServerProcess } from './server-process.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const requests = env('BENCH_REQUESTS', 1000);
const concurrency = env('BENCH_CONCURRENCY', 16);
const rounds = env('BENCH_ROUNDS', 3);
const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? `file:${path.join(os.tmpdir(), `members-bench-${randomUUID()}.db`)}`;

const server = await startServerProcess(databaseUrl);
const adminScript = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'admin.js');
/** The organization the server made on its first start: the database is new, so it is the first. */
const organizationId = 1;
const admin = (...args: string[]) =>
  execFileSync(process.execPath, [adminScript, ...args, '--json'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  }).toString();

async function call(
  method: string,
  route: string,
  body?: unknown,
  auth: 'x-api-key' | 'bearer' = 'x-api-key',
): Promise<Response> {
  const headers: Record<string, string> =
    auth === 'bearer' ? { authorization: `Bearer ${server.key}` } : { 'x-api-key': server.key };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${server.url}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const ok = async (response: Promise<Response>) => {
  const reply = await response;
  await reply.arrayBuffer();
  return reply.status < 400;
};

// Fixtures: a plan for access blocks, a team customer for Polar members, members to update.
const { plan } = JSON.parse(
  admin('plan', 'create', '--org', String(organizationId), '--name', 'Bench', '--stripe-price-id', 'price_bench'),
) as { plan: { id: string } };
const team = (await (
  await call('POST', '/v1/customers/', { type: 'team', email: 'bench-team@example.com' }, 'bearer')
).json()) as { id: string };
for (let i = 0; i < 100; i++) await ok(call('POST', '/members/sync', { email: `existing-${i}@example.com` }));
await ok(call('POST', '/v1/members/', { customer_id: team.id, email: 'listed@example.com' }, 'bearer'));

let unique = 0;
const next = () => `${unique++}-${randomUUID().slice(0, 8)}`;

const scenarios: [string, (i: number) => Promise<boolean>][] = [
  ['GET /healthz (baseline: HTTP)', () => ok(fetch(`${server.url}/healthz`))],
  ['GET /readyz (baseline: one query)', () => ok(fetch(`${server.url}/readyz`))],
  [
    'POST /members/sync, new member',
    () => ok(call('POST', '/members/sync', { email: `new-${next()}@example.com`, role: 'business' })),
  ],
  [
    'POST /members/sync, update + customFields',
    (i) =>
      ok(
        call('POST', '/members/sync', { email: `existing-${i % 100}@example.com`, customFields: { [`k${i % 7}`]: i } }),
      ),
  ],
  [
    'POST /members/sync, access + payment',
    () =>
      ok(
        call('POST', '/members/sync', {
          email: `payer-${next()}@example.com`,
          access: { planId: plan.id },
          payment: { jobId: randomUUID(), amount: 10, currency: 'USD', stripePaymentIntentId: `pi_${next()}` },
        }),
      ),
  ],
  [
    'tRPC members.sync, update',
    (i) => ok(call('POST', '/trpc/members.sync', { email: `existing-${i % 100}@example.com`, name: `Name ${i % 5}` })),
  ],
  [
    'POST /v1/members/, new member',
    () => ok(call('POST', '/v1/members/', { customer_id: team.id, email: `m-${next()}@example.com` }, 'bearer')),
  ],
  [
    'GET /v1/members/?limit=10',
    () => ok(call('GET', `/v1/members/?customer_id=${team.id}&limit=10`, undefined, 'bearer')),
  ],
];

const results = new Map<string, LoadResult[]>();
// Resident memory after each round: steady means no leak, a climb round after round means one.
const rssAfterRound: number[] = [];
for (let round = 1; round <= rounds; round++) {
  for (const [name, send] of scenarios) {
    const result = await load(requests, concurrency, send);
    results.set(name, [...(results.get(name) ?? []), result]);
  }
  rssAfterRound.push(server.memory().rssMiB);
  process.stderr.write(`round ${round}/${rounds} done\n`);
}

const figure = (name: string, pick: (result: LoadResult) => number) => median((results.get(name) ?? []).map(pick));
const readyz = figure('GET /readyz (baseline: one query)', (r) => r.perSecond);
const healthz = figure('GET /healthz (baseline: HTTP)', (r) => r.perSecond);
const memory = server.memory();

console.log(
  `\nmembers service bench: ${databaseUrl.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}, ${os.cpus().length} cores, ` +
    `${requests} requests x ${rounds} rounds per scenario, ${concurrency} in flight; medians of rounds\n`,
);
console.log(
  [
    'scenario'.padEnd(42),
    'req/s'.padStart(8),
    'x healthz'.padStart(10),
    'x readyz'.padStart(9),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'failed'.padStart(7),
  ].join(''),
);
for (const [name] of scenarios) {
  const perSecond = figure(name, (r) => r.perSecond);
  console.log(
    [
      name.padEnd(42),
      perSecond.toFixed(0).padStart(8),
      (perSecond / healthz).toFixed(2).padStart(10),
      (perSecond / readyz).toFixed(2).padStart(9),
      figure(name, (r) => r.p50ms)
        .toFixed(1)
        .padStart(8),
      figure(name, (r) => r.p99ms)
        .toFixed(1)
        .padStart(8),
      String((results.get(name) ?? []).reduce((sum, r) => sum + r.failures, 0)).padStart(7),
    ].join(''),
  );
}
console.log(
  `\nserver memory: ${memory.rssMiB.toFixed(0)} MiB resident now, ${memory.peakMiB.toFixed(0)} MiB at peak; ` +
    `after each round: ${rssAfterRound.map((mib) => mib.toFixed(0)).join(', ')} MiB`,
);
await server.stop();
