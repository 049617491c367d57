/**
 * The service against the floor (floor.ts), as a user who weighs it against writing the route by hand would measure
 * it: the server started as `npm start` starts it (`NODE_ENV=production`, request logs at `info`, metrics on, the
 * rate limit off), load from this process (autocannon, 20 connections) in rounds of `BENCH_FLOOR_SECONDS` alternating
 * with the floor, medians of the rounds. Beside the throughput, the CPU each request cost the server process and
 * PostgreSQL, read from /proc over each round. With `BENCH_PROFILE=1` each scenario runs once more against a server
 * under `node --cpu-prof`, and where its time went is printed per request (cpu-profile.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { cpuSecondsOf, postgresCpu, postgresCpuSince } from './cpu.js';
import { timeByStage, topFunctions } from './cpu-profile.js';
import { floorKey } from './floor.js';
import { median } from './load.js';
import { startFloorProcess, startServerProcess, type BenchProcess } from './server-process.js';

export interface FloorOptions {
  databaseUrl: string;
  postgres: boolean;
  /** The organization's key, printed by the bench's first server. */
  key: string;
  /** A team customer of the organization, for Polar's member create. */
  teamId: string;
  seconds: number;
  rounds: number;
  connections: number;
  profile: boolean;
  profileTop: number;
  /** Only the scenarios whose names hold this text. */
  only: string;
}

/** One request of a scenario: where it goes and what it sends, made anew for each request. */
interface Shot {
  path: string;
  body: unknown;
  headers?: Record<string, string>;
}

interface FloorScenario {
  name: string;
  service: () => Shot;
  /** The floor's request; or the service's own, for the key's price (`against: 'service'`). */
  floor: () => Shot;
  against: 'floor' | 'service';
}

interface RoundFigures {
  perSecond: number;
  p50ms: number;
  p99ms: number;
  failures: number;
  /** CPU microseconds per request of the answering process, and of PostgreSQL's processes meanwhile. */
  processUs: number;
  postgresUs: number;
}

let unique = 0;
const next = () => `${unique++}-${randomUUID().slice(0, 8)}`;
const roles = ['business', 'employee'] as const;

function scenarios(teamId: string, floorTeamId: string): FloorScenario[] {
  const existing = (prefix: string) => () => {
    const i = unique++;
    return { email: `${prefix}-${i % 100}@example.com`, name: `Name ${i}`, role: roles[i % 2] };
  };
  const fresh = (prefix: string) => () => ({ email: `${prefix}-${next()}@example.com`, role: 'business' });
  /** A POST to `path` with a body made anew for each request. */
  const post = (path: string, body: () => unknown) => () => ({ path, body: body() });
  const keyedSync = post('/members/sync', fresh('keyed'));
  return [
    {
      name: 'sync, existing member (name, role)',
      service: post('/members/sync', existing('existing')),
      floor: post('/members/sync', existing('floor-existing')),
      against: 'floor',
    },
    {
      name: 'sync, new member',
      service: post('/members/sync', fresh('new')),
      floor: post('/members/sync', fresh('floor-new')),
      against: 'floor',
    },
    {
      name: 'tRPC sync, existing member',
      service: post('/trpc/members.sync', existing('existing')),
      floor: post('/members/sync', existing('floor-existing')),
      against: 'floor',
    },
    {
      name: 'tRPC sync, new member',
      service: post('/trpc/members.sync', fresh('trpc-new')),
      floor: post('/members/sync', fresh('floor-new')),
      against: 'floor',
    },
    {
      name: 'Polar member create, one team',
      service: post('/v1/members/', () => ({ customer_id: teamId, email: `m-${next()}@example.com` })),
      floor: post('/v1/members', () => ({ customer_id: floorTeamId, email: `m-${next()}@example.com` })),
      against: 'floor',
    },
    {
      name: 'sync, new member, a fresh Idempotency-Key (against: the same unkeyed)',
      service: () => ({ ...keyedSync(), headers: { 'idempotency-key': next() } }),
      floor: post('/members/sync', fresh('unkeyed')),
      against: 'service',
    },
  ];
}

/** One round of autocannon against `target`, with the CPU its process and PostgreSQL spent meanwhile. */
async function round(target: BenchProcess, key: string, shot: () => Shot, seconds: number, connections: number) {
  const pid = target.child.pid ?? 0;
  const before = { process: cpuSecondsOf(pid), postgres: postgresCpu() };
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { path, body, headers } = shot();
          return {
            ...request,
            path,
            body: JSON.stringify(body),
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
          };
        },
      },
    ],
  });
  const answered = result.requests.total;
  const perRequestUs = (cpu: number) => (answered > 0 ? (cpu * 1e6) / answered : 0);
  return {
    perSecond: answered / seconds,
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    processUs: perRequestUs(cpuSecondsOf(pid) - before.process),
    postgresUs: perRequestUs(postgresCpuSince(before.postgres)),
  } satisfies RoundFigures;
}

const medianOf = (rounds: RoundFigures[], field: keyof RoundFigures) => median(rounds.map((r) => r[field]));

/** The server as a user starts it; `execArgv` for the profiler. */
const userServer = (options: FloorOptions, execArgv: string[] = []) =>
  startServerProcess(options.databaseUrl, {
    key: options.key,
    execArgv,
    env: { NODE_ENV: 'production', LOG_LEVEL: 'info', WEBHOOK_POLL_MS: '', WEBHOOK_ALLOW_PRIVATE: '' },
  });

/** A database for the floor: on PostgreSQL the service's (tables of its own), on SQLite a file of its own. */
function floorDatabase(options: FloorOptions, dir: string) {
  return options.postgres ? options.databaseUrl : `file:${path.join(dir, 'floor.db')}`;
}

export async function measureFloor(options: FloorOptions): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'members-floor-'));
  const service = await userServer(options);
  const floor = await startFloorProcess(floorDatabase(options, dir));
  const floorTeamId = randomUUID();
  const rows: string[] = [];
  const profiles: string[] = [];
  try {
    // The members the "existing" scenarios update, on each side.
    const existing = (prefix: string, target: BenchProcess, key: string) =>
      Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          fetch(`${target.url}/members/sync`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ email: `${prefix}-${i}@example.com` }),
          }).then((reply) => reply.arrayBuffer()),
        ),
      );
    await existing('existing', service, options.key);
    await existing('floor-existing', floor, floorKey);
    // Both sides warm (compiled, pools full) before the first round counts.
    const [first] = scenarios(options.teamId, floorTeamId);
    if (first) {
      await round(service, options.key, first.service, 2, options.connections);
      await round(floor, floorKey, first.floor, 2, options.connections);
    }

    for (const scenario of scenarios(options.teamId, floorTeamId).filter((s) => s.name.includes(options.only))) {
      const ours: RoundFigures[] = [];
      const theirs: RoundFigures[] = [];
      const [againstTarget, againstKey] = scenario.against === 'floor' ? [floor, floorKey] : [service, options.key];
      for (let i = 0; i < options.rounds; i++) {
        ours.push(await round(service, options.key, scenario.service, options.seconds, options.connections));
        theirs.push(await round(againstTarget, againstKey, scenario.floor, options.seconds, options.connections));
      }
      const ratio = medianOf(ours, 'perSecond') / medianOf(theirs, 'perSecond');
      rows.push(
        `| ${scenario.name} | ${medianOf(ours, 'perSecond').toFixed(0)} | ${medianOf(theirs, 'perSecond').toFixed(0)} ` +
          `| ${ratio.toFixed(2)} | ${medianOf(ours, 'processUs').toFixed(0)} | ${medianOf(theirs, 'processUs').toFixed(0)} ` +
          `| ${options.postgres ? medianOf(ours, 'postgresUs').toFixed(0) : '-'} ` +
          `| ${options.postgres ? medianOf(theirs, 'postgresUs').toFixed(0) : '-'} ` +
          `| ${medianOf(ours, 'p50ms').toFixed(1)} | ${medianOf(ours, 'p99ms').toFixed(1)} ` +
          `| ${[...ours, ...theirs].reduce((sum, r) => sum + r.failures, 0)} |`,
      );
      process.stderr.write(`measured against the floor: ${scenario.name}\n`);
      if (options.profile) profiles.push(await profileOf(options, scenario.name, scenario.service, dir));
    }
    if (options.profile) {
      profiles.push(
        await profileFloor(options, floorDatabase(options, dir), scenarios(options.teamId, floorTeamId), dir),
      );
    }
  } finally {
    await service.stop();
    await floor.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    `| request | service req/s | floor req/s | ratio | server CPU µs/req | floor CPU µs/req | PostgreSQL CPU µs/req (service) | (floor) | p50 ms | p99 ms | failures |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...profiles,
  ].join('\n');
}

const profilerFlags = (dir: string) => ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'];

/** The stages of one profile, per request, as a table, and its `topCount` costliest functions. */
function profileTable(title: string, file: string, answered: number, topCount: number): string {
  const stages = [...timeByStage(file)].sort((a, b) => b[1] - a[1]);
  const total = stages.reduce((sum, [, us]) => sum + us, 0);
  const top = topFunctions(file, topCount).map(
    ([name, us]) => `    ${(us / answered).toFixed(1).padStart(7)} µs  ${name}`,
  );
  return [
    '',
    `${title}: ${(total / answered).toFixed(0)} µs of CPU per request (${answered} requests)`,
    '',
    '| stage | µs/req | share |',
    '| --- | ---: | ---: |',
    ...stages.map(
      ([stage, us]) => `| ${stage} | ${(us / answered).toFixed(0)} | ${((100 * us) / total).toFixed(1)}% |`,
    ),
    ...(top.length > 0 ? ['', ...top] : []),
  ].join('\n');
}

/** One round against a server under the profiler; the profile is written when it exits. */
async function profileOf(options: FloorOptions, name: string, shot: () => Shot, dir: string): Promise<string> {
  const profileDir = mkdtempSync(path.join(dir, 'profile-'));
  const server = await userServer(options, profilerFlags(profileDir));
  const figures = await round(server, options.key, shot, options.seconds, options.connections);
  await server.stop();
  const [file] = readdirSync(profileDir);
  if (!file) throw new Error('the profiled server wrote no profile');
  const answered = figures.perSecond * options.seconds;
  return profileTable(`Profile, service: ${name}`, path.join(profileDir, file), answered, options.profileTop);
}

async function profileFloor(options: FloorOptions, database: string, all: FloorScenario[], dir: string) {
  const tables: string[] = [];
  for (const scenario of all.filter(
    (s) => s.against === 'floor' && !s.name.startsWith('tRPC') && s.name.includes(options.only),
  )) {
    const profileDir = mkdtempSync(path.join(dir, 'profile-'));
    const floor = await startFloorProcess(database, profilerFlags(profileDir));
    const figures = await round(floor, floorKey, scenario.floor, options.seconds, options.connections);
    await floor.stop();
    const [file] = readdirSync(profileDir);
    if (!file) throw new Error('the profiled floor wrote no profile');
    tables.push(
      profileTable(
        `Profile, floor: ${scenario.name}`,
        path.join(profileDir, file),
        figures.perSecond * options.seconds,
        options.profileTop,
      ),
    );
  }
  return tables.join('\n');
}
