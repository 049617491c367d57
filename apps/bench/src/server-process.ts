import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from './config.js';

export interface BenchProcess {
  url: string;
  child: ChildProcess;
  /** Resident memory now and at its peak, in MiB, from /proc. */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The server as `npm start` runs it, built beside this workspace. */
export const serverDist = path.resolve(here, '..', '..', 'server', 'dist');

/**
 * A script of this package in its own process, so the load generator does not share its time slice; resolves with
 * its output once `ready` matches it (the first group is the URL it listens on).
 */
function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  execArgv: string[] = [],
): Promise<BenchProcess & { output: string }> {
  const child = spawn(process.execPath, [...execArgv, script], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Should the bench fail, its servers go with it.
  const kill = () => child.kill();
  process.once('exit', kill);
  child.once('exit', () => process.removeListener('exit', kill));
  return new Promise((resolve, reject) => {
    let output = '';
    const failed = (code: number | null) =>
      reject(new Error(`${path.basename(script)} exited with ${code}: ${output}`));
    child.once('exit', failed);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = ready.exec(output)?.[1];
      if (!url) return;
      child.removeListener('exit', failed);
      child.stdout.removeAllListeners('data').resume();
      resolve({
        url,
        output,
        child,
        memory() {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
          return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
        },
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * The real server, as `npm start` runs it: on a new database it resolves with the key it printed on first start; on
 * one a server already started, with the `key` given. `env` and `execArgv` (a profiler's flags) are added to the run.
 */
export async function startServerProcess(
  databaseUrl: string,
  options: { key?: string; env?: NodeJS.ProcessEnv; execArgv?: string[] } = {},
): Promise<BenchProcess & { key: string }> {
  const server = await startProcess(
    path.join(serverDist, 'main.js'),
    {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_LIMIT_PER_SECOND: '0',
      LOG_LEVEL: 'warn',
      // The delivery scenario's receiver listens on loopback.
      WEBHOOK_ALLOW_PRIVATE: '1',
      WEBHOOK_POLL_MS: '50',
      ...options.env,
    },
    /Members service on (http:\/\/\S+)/,
    options.execArgv,
  );
  const key = options.key ?? /API key \(shown only now\): (\S+)/.exec(server.output)?.[1];
  if (!key) {
    await server.stop();
    throw new Error('the bench needs an empty database (it uses the key printed on first start)');
  }
  return { ...server, key };
}

/** The floor (floor-server.ts): on PostgreSQL the same database, on SQLite a file of its own. */
export function startFloorProcess(databaseUrl: string, execArgv: string[] = []): Promise<BenchProcess> {
  return startProcess(
    path.join(here, 'floor-server.js'),
    { DATABASE_URL: databaseUrl },
    /floor on (http:\/\/\S+)/,
    execArgv,
  );
}

/** The bare-SQL baseline (bare-server.ts) on the same database. */
export function startBareProcess(databaseUrl: string): Promise<BenchProcess> {
  return startProcess(path.join(here, 'bare-server.js'), { DATABASE_URL: databaseUrl }, /bare SQL on (http:\/\/\S+)/);
}
