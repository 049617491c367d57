import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** The bench's settings: every variable it reads, with its default, checked once. */
const env = process.env;

function number(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, 0 or more (got "${raw}")`);
  return value;
}

const numbers = (name: string, fallback: string) => (env[name] || fallback).split(',').map(Number).filter(Boolean);

export const benchConfig = {
  requests: number('BENCH_REQUESTS', 2000),
  concurrency: number('BENCH_CONCURRENCY', 20),
  rounds: number('BENCH_ROUNDS', 3),
  listSizes: numbers('BENCH_LIST_SIZES', '100000,1000000'),
  memberListSizes: numbers('BENCH_MEMBER_LIST_SIZES', '100,1000000'),
  importMembers: number('BENCH_IMPORT_MEMBERS', 100_000),
  memoryRequests: number('BENCH_MEMORY_REQUESTS', 200_000),
  customFieldsImport: number('BENCH_CUSTOM_FIELDS_IMPORT', 20_000),
  webhookRate: number('BENCH_WEBHOOK_RATE', 300),
  webhookSeconds: number('BENCH_WEBHOOK_SECONDS', 20),
  eventSubscribers: number('BENCH_EVENT_SUBSCRIBERS', 200),
  retentionRows: number('BENCH_RETENTION_ROWS', 1_000_000),
  /** The sections to run, all when unset. */
  sections: env.BENCH_SECTIONS?.split(','),
  /** A PostgreSQL database to measure on (empty: the bench makes its tables); a new SQLite file otherwise. */
  databaseUrl: env.BENCH_DATABASE_URL || `file:${path.join(os.tmpdir(), `members-bench-${randomUUID()}.db`)}`,
  floor: {
    seconds: number('BENCH_FLOOR_SECONDS', 8),
    rounds: number('BENCH_FLOOR_ROUNDS', 3),
    /** `BENCH_PROFILE=1`: each load once more under `node --cpu-prof`. */
    profile: env.BENCH_PROFILE === '1',
    /** How many of the costliest functions to list under each profile's stages (default none). */
    profileTop: number('BENCH_PROFILE_TOP', 0),
    /** Only the scenarios whose names hold this text, to look at one at a time. */
    only: env.BENCH_FLOOR_ONLY ?? '',
  },
};

/** What the bench's own child servers (bare-server.ts, floor-server.ts) are told by the bench that starts them. */
export const childServerConfig = () => ({ databaseUrl: env.DATABASE_URL, port: number('PORT', 0) });

/** The environment of a process the bench starts: the bench's own, with `extra` over it. */
export const childEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env, ...extra });
