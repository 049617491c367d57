/**
 * npm run bench: throughput, latency and memory of the real server, each scenario beside a baseline measured in the
 * same run on the same database: the same writes as hand-written SQL behind a bare Express route (bare-sql.ts).
 * These machines are shared and noisy, so every figure is the median of BENCH_ROUNDS rounds, service and baseline
 * alternate within a round, and the ratios matter more than the absolute numbers.
 *
 *   BENCH_DATABASE_URL      database (default: a new SQLite file); e.g. postgres://postgres@127.0.0.1:5432/members_bench
 *                           (it must be empty: the bench uses the key the server prints on its first start)
 *   BENCH_REQUESTS          requests per scenario per round (default 2000)
 *   BENCH_CONCURRENCY       requests in flight (default 20)
 *   BENCH_ROUNDS            rounds (default 3)
 *   BENCH_LIST_SIZES        customer members to list among (default 100000,1000000)
 *   BENCH_IMPORT_MEMBERS    members in the import file (default 100000)
 *   BENCH_MEMORY_REQUESTS   length of the sync run whose resident memory is followed (default 200000; 0 skips it)
 *   BENCH_CUSTOM_FIELDS_IMPORT  rows in each import file of the custom-fields section (default 20000)
 *   BENCH_WEBHOOK_RATE      syncs per second of the sustained delivery scenarios (default 300), for
 *   BENCH_WEBHOOK_SECONDS   this long (default 20)
 *   BENCH_MEMBER_LIST_SIZES organization members to page through with GET /members (default 100,1000000)
 *   BENCH_RETENTION_ROWS    old finished deliveries for retention to prune while syncs run (default 1000000)
 *   BENCH_FLOOR_SECONDS     length of each round against the floor (default 8), with
 *   BENCH_FLOOR_ROUNDS      this many rounds (default 3)
 *   BENCH_PROFILE           1: profile the server under each load against the floor (node --cpu-prof), and
 *   BENCH_PROFILE_TOP       list this many of the costliest functions under each profile (default none)
 *   BENCH_FLOOR_ONLY        only the floor scenarios whose names hold this text
 *   BENCH_EVENT_SUBSCRIBERS streams of the live events scenario (default 200), at BENCH_WEBHOOK_RATE for BENCH_WEBHOOK_SECONDS
 *   BENCH_SECTIONS          which parts to run (default floor,writes,webhooks,events,customfields,lists,memberlists,
 *                           retention,import,memory)
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMembersClient } from '@members/client';
import { bareDatabase, upsertMembersSql } from './bare-sql.js';
import { encodeMemberCursor } from '@members/contracts';
import { fillCustomerMembers, fillOldDeliveries, fillOrganizationMembers, settle } from './fixtures.js';
import { load, median, type LoadResult } from './load.js';
import { serverDist, startBareProcess, startServerProcess } from './server-process.js';
import { eventLoopDelayDuring } from './event-loop.js';
import { measureSustainedDelivery } from './sustained-delivery.js';
import { measureDelivery } from './webhook-delivery.js';
import { measureFloor } from './floor-bench.js';
import { measureEventFanOut } from './event-fan-out.js';
import { benchConfig, childEnv } from './config.js';

const {
  requests,
  concurrency,
  rounds,
  listSizes,
  importMembers,
  memoryRequests,
  customFieldsImport,
  webhookRate,
  webhookSeconds,
  eventSubscribers,
  retentionRows,
  memberListSizes,
  databaseUrl,
} = benchConfig;
const allSections = [
  'floor',
  'writes',
  'webhooks',
  'events',
  'customfields',
  'lists',
  'memberlists',
  'retention',
  'import',
  'memory',
] as const;
const sections = benchConfig.sections ?? allSections;
// A misspelt section would otherwise run nothing and print an empty table.
const unknown = sections.filter((section) => !(allSections as readonly string[]).includes(section));
if (unknown.length > 0)
  throw new Error(`BENCH_SECTIONS: no section ${unknown.join(', ')}; use ${allSections.join(',')}`);
const runs = (section: (typeof allSections)[number]) => sections.includes(section);
const postgres = !databaseUrl.startsWith('file:');

const server = await startServerProcess(databaseUrl);
const bare = await startBareProcess(databaseUrl);
const { db } = bareDatabase(databaseUrl);
const adminScript = path.join(serverDist, 'admin.js');
/** The organization the server made on its first start: the database is new, so it is the first. */
const organizationId = 1;
const admin = (...args: string[]) =>
  execFileSync(process.execPath, [adminScript, ...args], { env: childEnv({ DATABASE_URL: databaseUrl }) });

function call(base: string, method: string, route: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${server.key}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ok = async (response: Promise<Response>) => {
  const reply = await response;
  await reply.arrayBuffer();
  return reply.status < 400;
};
const service = (method: string, route: string, body?: unknown) => ok(call(server.url, method, route, body));
/**
 * The published client, as a TypeScript app uses it: its batching link sends the calls made in one tick as one
 * request, so with 20 callers it often carries several syncs per request, where the REST baseline carries one.
 */
const trpc = createMembersClient({ url: server.url, apiKey: server.key });
const baseline = (method: string, route: string, body?: unknown) => ok(call(bare.url, method, route, body));

// Fixtures: a plan for access blocks, a team customer for Polar members, members to update.
const { plan } = JSON.parse(
  admin('plan', 'create', '--org', '1', '--name', 'Bench', '--stripe-price-id', 'price_bench', '--json').toString(),
) as { plan: { id: string } };
const team = (await (
  await call(server.url, 'POST', '/v1/customers/', { type: 'team', email: 'bench-team@example.com' })
).json()) as { id: string };
for (let i = 0; i < 100; i++) await service('POST', '/members/sync', { email: `existing-${i}@example.com` });

let unique = 0;
const next = () => `${unique++}-${randomUUID().slice(0, 8)}`;
const batchOf = (prefix: string, size: number) =>
  Array.from({ length: size }, () => ({ email: `${prefix}-${next()}@example.com`, name: 'Batch Member' }));

interface Scenario {
  name: string;
  /** Members written per request: throughput is printed per member when it is more than one. */
  perRequest?: number;
  requests?: number;
  /** Requests per round of the baseline, if it cannot afford as many. */
  baselineRequests?: number;
  concurrency?: number;
  service: (i: number) => Promise<boolean>;
  baseline: (i: number) => Promise<boolean>;
}

/** A write with an Idempotency-Key of its own, as a client that retries safely sends every write. */
const keyed = (route: string, body: unknown) =>
  ok(
    fetch(`${server.url}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json', 'idempotency-key': next() },
      body: JSON.stringify(body),
    }),
  );
const invoicePayment = (prefix: string) => ({
  email: `${prefix}-${next()}@example.com`,
  customFields: { source: 'bench' },
  payment: { jobId: randomUUID(), amount: 10, currency: 'EUR', paymentProvider: 'invoice' },
});

/** The tRPC rows' baseline: the same update of an existing member, through the service's REST route. */
const restUpdate = (i: number) =>
  service('POST', '/members/sync', { email: `existing-${i % 100}@example.com`, name: `R ${i}` });

const writeScenarios: Scenario[] = [
  {
    name: 'sync, new member',
    service: () => service('POST', '/members/sync', { email: `new-${next()}@example.com`, role: 'business' }),
    baseline: () => baseline('POST', '/sync', { email: `bare-${next()}@example.com`, role: 'business' }),
  },
  {
    name: 'sync, update name + customFields',
    service: (i) =>
      service('POST', '/members/sync', {
        email: `existing-${i % 100}@example.com`,
        name: `Name ${i}`,
        customFields: { [`k${i % 7}`]: i },
      }),
    baseline: (i) =>
      baseline('POST', '/sync', {
        email: `existing-${i % 100}@example.com`,
        name: `Name ${i}`,
        customFields: { [`k${i % 7}`]: i },
      }),
  },
  {
    name: 'sync, update through tRPC',
    service: (i) => service('POST', '/trpc/members.sync', { email: `existing-${i % 100}@example.com`, name: `T ${i}` }),
    baseline: restUpdate,
  },
  {
    name: 'sync, update through the tRPC client',
    service: (i) =>
      trpc.members.sync.mutate({ email: `existing-${i % 100}@example.com`, name: `C ${i}` }).then(
        () => true,
        () => false,
      ),
    baseline: restUpdate,
  },
  {
    name: 'sync, access + payment',
    service: () =>
      service('POST', '/members/sync', {
        email: `payer-${next()}@example.com`,
        access: { planId: plan.id },
        payment: { jobId: randomUUID(), amount: 10, currency: 'USD', stripePaymentIntentId: `pi_${next()}` },
      }),
    baseline: () =>
      baseline('POST', '/sync-access', {
        email: `bare-payer-${next()}@example.com`,
        planId: plan.id,
        jobId: randomUUID(),
        amount: 10,
      }),
  },
  {
    // The price of the atomic key: the claim, a transaction holding the key's row, and the answer written in it.
    name: 'sync, new member, with an Idempotency-Key (baseline: the same without)',
    service: () => keyed('/members/sync', { email: `keyed-${next()}@example.com`, role: 'business' }),
    baseline: () => service('POST', '/members/sync', { email: `unkeyed-${next()}@example.com`, role: 'business' }),
  },
  {
    name: 'sync, customFields + invoice payment, with an Idempotency-Key (baseline: without)',
    service: () => keyed('/members/sync', invoicePayment('keyed-payer')),
    baseline: () => service('POST', '/members/sync', invoicePayment('unkeyed-payer')),
  },
  {
    name: 'batch sync, 1,000 new members',
    perRequest: 1000,
    requests: 10,
    concurrency: 2,
    service: () => service('POST', '/members/sync/batch', { members: batchOf('batch', 1000) }),
    baseline: () => baseline('POST', '/batch', { members: batchOf('bare-batch', 1000) }),
  },
  {
    name: 'Polar member create, one team',
    service: () => service('POST', '/v1/members/', { customer_id: team.id, email: `m-${next()}@example.com` }),
    baseline: () => baseline('POST', '/v1/members', { customer_id: team.id, email: `bare-m-${next()}@example.com` }),
  },
  {
    name: 'Polar member create, vs a locked insert',
    service: () => service('POST', '/v1/members/', { customer_id: team.id, email: `ml-${next()}@example.com` }),
    baseline: () =>
      baseline('POST', '/v1/members-locked', { customer_id: team.id, email: `bare-ml-${next()}@example.com` }),
  },
];

interface Figures {
  name: string;
  perSecond: number;
  baselinePerSecond: number;
  p50ms: number;
  p99ms: number;
  failures: number;
}
const table: Figures[] = [];

async function measure(scenario: Scenario): Promise<void> {
  const n = scenario.requests ?? requests;
  const c = scenario.concurrency ?? concurrency;
  const ours: LoadResult[] = [];
  const theirs: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(await load(n, c, scenario.service));
    theirs.push(await load(scenario.baselineRequests ?? n, c, scenario.baseline));
  }
  const perMember = scenario.perRequest ?? 1;
  table.push({
    name: scenario.name,
    perSecond: median(ours.map((r) => r.perSecond)) * perMember,
    baselinePerSecond: median(theirs.map((r) => r.perSecond)) * perMember,
    p50ms: median(ours.map((r) => r.p50ms)),
    p99ms: median(ours.map((r) => r.p99ms)),
    failures: [...ours, ...theirs].reduce((sum, r) => sum + r.failures, 0),
  });
  process.stderr.write(`measured: ${scenario.name}\n`);
}

// Against the floor first, on a database that holds only the fixtures.
const floorTable = runs('floor')
  ? await measureFloor({
      databaseUrl,
      postgres,
      key: server.key,
      teamId: team.id,
      ...benchConfig.floor,
      connections: concurrency,
    })
  : undefined;
if (runs('writes')) for (const scenario of writeScenarios) await measure(scenario);

// Webhook delivery, then the subscription goes again: with a subscriber every sync also writes its event.
async function measureWebhooks() {
  let subscription = '';
  const figures = await measureDelivery(
    (email) => service('POST', '/members/sync', { email }),
    async (url) => {
      const reply = await call(server.url, 'POST', '/webhooks', {
        event: 'user.created',
        target_type: 'webhook',
        target_url: url,
      });
      subscription = ((await reply.json()) as { data: { id: string } }).data.id;
    },
    requests,
    concurrency,
  );
  // Later scenarios must not pay for events nobody waits for.
  const unsubscribed = await call(server.url, 'DELETE', `/webhooks/${subscription}`);
  if (!unsubscribed.ok)
    throw new Error(`bench: could not unsubscribe: ${unsubscribed.status} ${await unsubscribed.text()}`);
  process.stderr.write('measured: webhook delivery\n');
  return figures;
}
const delivery = runs('webhooks') ? await measureWebhooks() : undefined;

/** The sustained-rate scenarios: two subscribers that answer at once, then the same with a third that takes 8 s. */
async function measureSustained(slow: number) {
  const figures = await measureSustainedDelivery({
    sync: (email) => service('POST', '/members/sync', { email }),
    subscribe: async (url) => {
      const reply = await call(server.url, 'POST', '/webhooks', {
        event: 'user.created',
        target_type: 'webhook',
        target_url: url,
      });
      return ((await reply.json()) as { data: { id: string } }).data.id;
    },
    unsubscribe: async (id) => {
      const reply = await call(server.url, 'DELETE', `/webhooks/${id}`);
      if (!reply.ok) throw new Error(`bench: could not unsubscribe: ${reply.status} ${await reply.text()}`);
    },
    rate: webhookRate,
    seconds: webhookSeconds,
    healthy: 2,
    slow,
    slowMs: 8000,
    label: `sustained-${slow}`,
  });
  process.stderr.write(`measured: sustained delivery, ${slow} slow subscriber(s)\n`);
  return figures;
}
const sustained = runs('webhooks') ? [await measureSustained(0), await measureSustained(1)] : [];

/**
 * Live events: on PostgreSQL from this server's syncs to the streams of a second server on the same database (one
 * process's commit, another's subscribers, through `event_logged`); on SQLite, one process having the file, within it.
 */
async function measureEvents() {
  const reader = postgres ? await startServerProcess(databaseUrl, { key: server.key }) : server;
  const figures = await measureEventFanOut({
    reader,
    key: server.key,
    sync: (i) => service('POST', '/members/sync', { email: `stream-${i}-${next()}@example.com` }),
    rate: webhookRate,
    seconds: webhookSeconds,
    subscribers: eventSubscribers,
    writeMany: async (count) => {
      for (let written = 0; written < count; written += 1000) {
        if (!(await service('POST', '/members/sync/batch', { members: batchOf('stalled', 1000) })))
          throw new Error('bench: a batch for the stalled stream failed');
      }
    },
  });
  if (reader !== server) await reader.stop();
  process.stderr.write('measured: live events\n');
  return figures;
}
const events = runs('events') ? await measureEvents() : undefined;

/**
 * Custom fields against none, on this run's database: a batch of 1,000 new members and an import, each with and
 * without three custom fields, with the server's event-loop delay over each.
 */
async function measureCustomFields() {
  const fields = (i: number) => ({ plan: 'gold', seat: String(i), region: 'eu' });
  const rows: { name: string; perSecond: number; p99ms: number; maxms: number }[] = [];
  const batches = async (withFields: boolean) => {
    const members = 10 * 1000;
    let perSecond = 0;
    const delay = await eventLoopDelayDuring(server.url, async () => {
      const result = await load(10, 2, () =>
        service('POST', '/members/sync/batch', {
          members: batchOf(withFields ? 'cf-batch' : 'plain-batch', 1000).map((member, i) =>
            withFields ? { ...member, customFields: fields(i) } : member,
          ),
        }),
      );
      perSecond = members / result.seconds;
    });
    rows.push({ name: `batch of 1,000, ${withFields ? 'with' : 'without'} customFields`, perSecond, ...delay });
  };
  const imports = async (withFields: boolean) => {
    const file = path.join(os.tmpdir(), `members-bench-cf-${randomUUID()}.csv`);
    const header = withFields ? 'email,name,customFields.plan,customFields.seat,customFields.region' : 'email,name';
    const lines = Array.from({ length: customFieldsImport }, (_, i) => {
      const email = `${withFields ? 'cf' : 'plain'}-import-${i}-${unique}@example.com`;
      return withFields ? `${email},Import ${i},gold,${i},eu` : `${email},Import ${i}`;
    });
    writeFileSync(file, [header, ...lines].join('\n'));
    let perSecond = 0;
    const delay = await eventLoopDelayDuring(server.url, () => {
      const started = performance.now();
      admin('import', file, '--org', '1', '--json');
      perSecond = customFieldsImport / ((performance.now() - started) / 1000);
    });
    rmSync(file);
    rows.push({
      name: `import of ${customFieldsImport.toLocaleString('en')}, ${withFields ? 'with' : 'without'} customFields`,
      perSecond,
      ...delay,
    });
  };
  await batches(false);
  await batches(true);
  await imports(false);
  await imports(true);
  process.stderr.write('measured: custom fields\n');
  return rows;
}
const customFieldRows = runs('customfields') ? await measureCustomFields() : [];

// Polar lists, at each size: the team customer is filled with members straight through SQL.
let filled = 0;
for (const size of runs('lists') ? listSizes : []) {
  await fillCustomerMembers(db, postgres, organizationId, team.id, size - filled);
  filled = size;
  // The first lists fold the tally the load grew; then the database settles as it would by itself.
  await service('GET', `/v1/members/?customer_id=${team.id}&limit=10`);
  await service('GET', '/v1/members/?limit=10');
  await settle(db, postgres);
  for (const [filter, query] of [
    ['', ''],
    [', one customer', `customer_id=${team.id}&`],
  ]) {
    await measure({
      name: `Polar list${filter}, 10 among ${size.toLocaleString('en')}`,
      // Latency is what matters here, so few callers. A p99 needs enough requests to mean more than the slowest
      // one; the baseline counts every row, so it gets fewer.
      baselineRequests: Math.min(requests, 200),
      concurrency: 4,
      service: () => service('GET', `/v1/members/?${query}limit=10`),
      baseline: () => baseline('GET', `/v1/members?${query}limit=10`),
    });
  }
}

// Kardow's GET /members, first and deep pages, each size in an organization of its own filled through SQL: a page
// among a million should cost what it costs among a hundred. The baseline is the same keyset read without a total.
for (const size of runs('memberlists') ? memberListSizes : []) {
  const created = JSON.parse(admin('org', 'create', '--name', `List ${size}`, '--json').toString()) as {
    organization: { id: number };
    apiKey: { key: string };
  };
  const org = created.organization.id;
  await fillOrganizationMembers(db, postgres, org, size);
  const asOrg = (route: string) =>
    ok(fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${created.apiKey.key}` } }));
  // The first list folds the tally the load grew; then the database settles as it would by itself. The fill held
  // this process (better-sqlite3 is synchronous) past the server's keep-alive timeout, so a pooled connection may
  // have been closed unseen: the first request may meet it, and is sent again.
  if (!(await asOrg('/members?limit=1').catch(() => false))) await asOrg('/members?limit=1');
  // So do the overview's first reads, which fold the tallies the fill grew, before the database settles.
  const asOrgTrpc = (path: string, input: unknown) =>
    asOrg(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  await asOrgTrpc('overview.members', { days: 90 });
  await asOrgTrpc('overview.subscriptions', {});
  await settle(db, postgres);
  // The cursor of a page near the end: the 30th newest from the oldest.
  const [deep] = await db('member')
    .where({ organization_id: org })
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .offset(Math.min(30, size - 1))
    .limit(1)
    .select<{ id: string; created_at: number | string | Date }[]>('id', 'created_at');
  if (!deep) throw new Error('no members to page through');
  const deepAt = new Date(deep.created_at);
  const cursor = encodeMemberCursor({ createdAt: deepAt, id: deep.id });
  for (const [page, query, bareQuery] of [
    ['first page', '', ''],
    ['deep page', `&cursor=${cursor}`, `&before_created_at=${deepAt.getTime()}&before_id=${deep.id}`],
  ] as const) {
    await measure({
      name: `GET /members, ${page} of 20 among ${size.toLocaleString('en')}`,
      concurrency: 4,
      service: () => asOrg(`/members?limit=20${query}`),
      baseline: () => baseline('GET', `/members?organization_id=${org}&limit=20${bareQuery}`),
    });
  }
  // The console's overview among this many members, each figure from kept tallies: against the cheapest
  // authenticated tRPC query (the key asking who it is), so the ratio is what the figures cost beyond a request.
  for (const [name, path, input] of [
    ['members, 90 days', 'overview.members', { days: 90 }],
    ['subscriptions', 'overview.subscriptions', {}],
    ['webhook health', 'overview.webhooks', {}],
  ] as const) {
    await measure({
      name: `overview ${name} among ${size.toLocaleString('en')} members (tRPC)`,
      concurrency: 4,
      requests: Math.min(requests, 500),
      service: () => asOrgTrpc(path, input),
      baseline: () => asOrgTrpc('apiKeys.current', {}),
    });
  }
}

// Retention: syncs' latency while a month's finished deliveries are pruned, against the same syncs without.
if (runs('retention')) {
  const filled = performance.now();
  await fillOldDeliveries(db, postgres, organizationId, retentionRows, 45);
  await settle(db, postgres);
  console.log(
    `retention: ${retentionRows.toLocaleString('en')} old deliveries written in ${Math.round((performance.now() - filled) / 1000)} s`,
  );
  // The fill held this process (better-sqlite3 is synchronous) past the server's keep-alive timeout: a pooled
  // connection may have been closed unseen, so the first request may meet it, and is sent again.
  await service('POST', '/members/sync', { email: `warm-${next()}@example.com` }).catch(() => false);
  const syncs = (prefix: string) => (i: number) =>
    service('POST', '/members/sync', { email: `${prefix}-${i}-${next()}@example.com`, role: 'business' });
  const quiet = await load(requests, concurrency, syncs('unpruned'));
  const pruneStarted = performance.now();
  const pruning = new Promise<{ pruned: { deliveries: number }; seconds: number }>((resolve, reject) =>
    execFile(
      process.execPath,
      [adminScript, 'webhook', 'prune', '--days', '30', '--json'],
      { env: childEnv({ DATABASE_URL: databaseUrl }) },
      (error, stdout) => {
        if (error) reject(new Error(`admin webhook prune failed: ${error.message}`, { cause: error }));
        else
          resolve({
            ...(JSON.parse(stdout) as { pruned: { deliveries: number } }),
            seconds: (performance.now() - pruneStarted) / 1000,
          });
      },
    ),
  );
  // Syncs for as long as the pruning runs, in rounds of the same size.
  const during: LoadResult[] = [];
  const finished = { pruning: false };
  void pruning.finally(() => (finished.pruning = true));
  while (!finished.pruning || during.length === 0) during.push(await load(requests, concurrency, syncs('pruning')));
  const { pruned, seconds } = await pruning;
  const p99 = median(during.map((round) => round.p99ms));
  console.log(
    `retention: pruned ${pruned.deliveries.toLocaleString('en')} deliveries in ${seconds.toFixed(1)} s; syncs meanwhile ` +
      `${median(during.map((round) => round.perSecond)).toFixed(0)}/s p50 ${median(during.map((round) => round.p50ms)).toFixed(1)} ms ` +
      `p99 ${p99.toFixed(1)} ms (${during.length} rounds), without pruning ${quiet.perSecond.toFixed(0)}/s p50 ` +
      `${quiet.p50ms.toFixed(1)} ms p99 ${quiet.p99ms.toFixed(1)} ms: p99 ratio ${(p99 / quiet.p99ms).toFixed(2)}`,
  );
}

// import FILE --org 1, against a raw multi-row insert of the same rows.
async function measureImport() {
  const importFile = path.join(os.tmpdir(), `members-bench-import-${randomUUID()}.jsonl`);
  const rows = Array.from({ length: importMembers }, (_, i) => ({
    email: `import-${i}@example.com`,
    name: `Import ${i}`,
  }));
  writeFileSync(importFile, rows.map((row) => JSON.stringify(row)).join('\n'));
  let started = performance.now();
  admin('import', importFile, '--org', '1', '--json');
  const importPerSecond = importMembers / ((performance.now() - started) / 1000);
  started = performance.now();
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((row) => ({ ...row, email: `raw-${row.email}` }));
    await upsertMembersSql(db, postgres, organizationId, chunk);
  }
  const rawPerSecond = importMembers / ((performance.now() - started) / 1000);
  rmSync(importFile);
  table.push({
    name: `import, ${importMembers.toLocaleString('en')} members`,
    perSecond: importPerSecond,
    baselinePerSecond: rawPerSecond,
    p50ms: Number.NaN,
    p99ms: Number.NaN,
    failures: 0,
  });
}
if (runs('import')) await measureImport();

console.log(
  `\nmembers service bench: ${postgres ? 'PostgreSQL' : 'SQLite'}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ` +
    `Node ${process.version}; ${requests} requests x ${rounds} rounds per scenario, ${concurrency} in flight; medians of rounds\n`,
);
if (floorTable) {
  console.log(
    'Against the floor (floor.ts): the server as `npm start` runs it (NODE_ENV=production, LOG_LEVEL=info, metrics), ' +
      `autocannon with ${concurrency} connections, medians of the rounds\n`,
  );
  console.log(`${floorTable}\n`);
}
const columns = ['scenario'.padEnd(44), 'per s'.padStart(8), 'bare SQL'.padStart(9), 'ratio'.padStart(7)];
console.log([...columns, 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'failed'.padStart(7)].join(''));
for (const row of table) {
  console.log(
    [
      row.name.padEnd(44),
      row.perSecond.toFixed(0).padStart(8),
      row.baselinePerSecond.toFixed(0).padStart(9),
      (row.perSecond / row.baselinePerSecond).toFixed(2).padStart(7),
      (Number.isNaN(row.p50ms) ? '-' : row.p50ms.toFixed(1)).padStart(8),
      (Number.isNaN(row.p99ms) ? '-' : row.p99ms.toFixed(1)).padStart(8),
      String(row.failures).padStart(7),
    ].join(''),
  );
}
console.log('(the tRPC rows\' "bare SQL" column is the same update through REST: their ratio is tRPC over REST;');
console.log(" the overview rows' is the calling key asking who it is, the cheapest authenticated tRPC query)");
for (const [i, figures] of sustained.entries()) {
  console.log(
    `\nsustained delivery, ${webhookRate} syncs/s for ${webhookSeconds} s, 2 subscribers` +
      (i === 0 ? '' : ' and a third that takes 8 s per delivery') +
      `: ${figures.delivered} of ${figures.expected * 2} events to the healthy ones, ${figures.perSecond.toFixed(0)} events/s; ` +
      `backlog when the syncs stopped ${figures.backlogAtStop}; lag p50 ${figures.lagP50ms.toFixed(0)} ms, ` +
      `p99 ${figures.lagP99ms.toFixed(0)} ms; ${figures.failedSyncs} of ${figures.syncs} syncs failed`,
  );
}
if (events) {
  const where = postgres ? 'written by one server, streamed by another' : 'one server';
  const dropped = events.stalledDroppedAfterS;
  console.log(
    `\nlive events (${where}), ${webhookRate} syncs/s for ${webhookSeconds} s, ${events.subscribers} streams: ` +
      `${events.received} of ${events.expected} events arrived; lag p50 ${events.lagP50ms.toFixed(0)} ms, ` +
      `p99 ${events.lagP99ms.toFixed(0)} ms; ${events.failedSyncs} of ${events.syncs} syncs failed. ` +
      `A stream whose client reads nothing, sent 20,000 events: the streaming server's RSS ` +
      `${events.rssBeforeMiB.toFixed(0)} MiB before, ${events.rssPeakMiB.toFixed(0)} MiB at most, ` +
      `${events.rssAfterMiB.toFixed(0)} MiB after; ` +
      (dropped === null ? 'not dropped within a minute' : `dropped ${dropped.toFixed(0)} s after its events began`),
  );
}
if (customFieldRows.length > 0) {
  console.log(`\ncustom fields (${postgres ? 'PostgreSQL' : 'SQLite'}): members/s, and the server's event-loop delay`);
  for (const row of customFieldRows) {
    console.log(
      `${row.name.padEnd(44)}${row.perSecond.toFixed(0).padStart(8)}/s   loop p99 ${row.p99ms.toFixed(0)} ms, max ${row.maxms.toFixed(0)} ms`,
    );
  }
  const ratio = (a: number, b: number) =>
    ((customFieldRows[a]?.perSecond ?? 0) / (customFieldRows[b]?.perSecond ?? 1)).toFixed(2);
  console.log(`with customFields over without: batch ${ratio(1, 0)}, import ${ratio(3, 2)}`);
}
if (delivery)
  console.log(
    `\nwebhook delivery: ${delivery.events} of ${requests} user.created events, ${delivery.perSecond.toFixed(0)} events/s ` +
      `from first sync to last receipt; lag from commit to receipt p50 ${delivery.lagP50ms.toFixed(0)} ms, ` +
      `p99 ${delivery.lagP99ms.toFixed(0)} ms`,
  );

// Resident memory over a long sync run: flat means no leak. It saws with the collector (30 MiB and more from one
// sample to the next), so each end of the run is the median of the samples in a window of a tenth of the run, the
// first after 20,000 requests and the last, with 400 samples a run (every 500 requests by default) so that a window
// spans many swings.
if (memoryRequests > 0 && runs('memory')) {
  const samplesPerRun = 400;
  const step = Math.max(1, Math.floor(memoryRequests / samplesPerRun));
  const samples: [number, number][] = [];
  for (let done = 0; done < memoryRequests; done += step) {
    await load(step, concurrency, (i) =>
      service('POST', '/members/sync', { email: `rss-${(done + i) % 5000}@example.com`, name: `Rss ${i}` }),
    );
    samples.push([done + step, server.memory().rssMiB]);
  }
  const window = (from: number) => {
    const mibs = samples.filter(([count]) => count > from && count <= from + memoryRequests / 10).map(([, m]) => m);
    return { median: median(mibs), floor: Math.min(...mibs) };
  };
  const earlyFrom = Math.min(20_000, memoryRequests * 0.1);
  const early = window(earlyFrom);
  const late = window(memoryRequests * 0.9);
  const every = (n: number) => samples.filter((_, i) => (i + 1) % n === 0);
  console.log(
    `\nserver RSS over ${memoryRequests.toLocaleString('en')} syncs: ` +
      every(samplesPerRun / 10)
        .map(([count, mib]) => `${count / 1000}k ${mib.toFixed(0)}`)
        .join(', ') +
      ` MiB; median ${early.median.toFixed(0)} MiB just after ${earlyFrom / 1000}k, ${late.median.toFixed(0)} MiB at the end: ` +
      `ratio ${(late.median / early.median).toFixed(2)}; the windows' lowest ${early.floor.toFixed(0)} and ` +
      `${late.floor.toFixed(0)} MiB (${(late.floor / early.floor).toFixed(2)}); peak ${server.memory().peakMiB.toFixed(0)} MiB`,
  );
}

await Promise.all([server.stop(), bare.stop(), db.destroy()]);
