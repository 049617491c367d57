import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mainScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The environment a process of ours gets for `databaseUrl`: in the pooled pass of CI (DATABASE_DIRECT_URL names the
 * PostgreSQL server behind the pooler that DATABASE_URL points at), the same database reached directly as its
 * DATABASE_DIRECT_URL, as an operator behind PgBouncer sets it; otherwise none.
 */
export function processEnv(databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const { DATABASE_DIRECT_URL: server, ...rest } = process.env;
  if (!server || !databaseUrl?.startsWith('postgres')) return rest;
  const direct = new URL(databaseUrl);
  direct.host = new URL(server).host;
  return { ...rest, DATABASE_DIRECT_URL: direct.toString() };
}

/** Processes started and not yet ended: a test file that forgets one must not leave it running after the run. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The built server (`npm start` runs the same file) in a process of its own, on a free port. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [mainScript], {
    env: { ...processEnv(env.DATABASE_URL), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
    const poll = setInterval(() => {
      const url = /Members service on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({
        url,
        child,
        output: () => output,
        exited,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    }, 20);
  });
}
