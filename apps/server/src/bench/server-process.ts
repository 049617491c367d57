import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  key: string;
  child: ChildProcess;
  /** Resident memory now and at its peak, in MiB, from /proc. */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

const mainScript = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'main.js');

/** The real server, as `npm start` runs it, in its own process so the load generator does not share its CPU time slice. */
export function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [mainScript], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_SECOND: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const key = /API key \(shown only now\): (\S+)/.exec(output)?.[1];
      const url = /Members service on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      child.removeAllListeners('exit');
      if (!key) {
        child.kill('SIGTERM');
        reject(new Error('the bench needs an empty database (it uses the key printed on first start)'));
        return;
      }
      resolve({
        url,
        key,
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
