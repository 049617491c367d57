import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';

const run = promisify(execFile);
export const pgbouncerBin = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((candidate) => existsSync(candidate));

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * Debian's PgBouncer in transaction pooling, as hosted PostgreSQL hands out pooled URLs: every database of `server`
 * (host and port of a postgres:// URL) behind one port. It will not run as root, so as root it runs as `postgres`.
 * `pooled(url)` is the same database through it.
 */
export async function startPgbouncer(server: string) {
  if (!pgbouncerBin) throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
  const target = new URL(server);
  const directory = await mkdtemp(path.join(os.tmpdir(), 'members-pgbouncer-'));
  const port = await freePort();
  await writeFile(path.join(directory, 'users.txt'), '"postgres" ""\n');
  await writeFile(
    path.join(directory, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(directory, 'users.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 20',
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${path.join(directory, 'log')}`,
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    for (const file of ['', 'users.txt', 'pgbouncer.ini']) {
      await chown(path.join(directory, file), Number(uid), Number(gid));
    }
  }
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((candidate) => existsSync(candidate)) ?? 'runuser';
  const ini = path.join(directory, 'pgbouncer.ini');
  const child: ChildProcess = asRoot
    ? spawn(runuser, ['-u', 'postgres', '--', pgbouncerBin, ini], { stdio: 'ignore' })
    : spawn(pgbouncerBin, [ini], { stdio: 'ignore' });
  // Ready once it accepts connections.
  for (let waited = 0; ; waited += 50) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) break;
    if (waited > 10_000) throw new Error('pgbouncer did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    pooled(url: string) {
      const pooled = new URL(url);
      pooled.host = `127.0.0.1:${port}`;
      return pooled.toString();
    },
    async stop() {
      child.kill('SIGTERM');
      if (asRoot) await run('pkill', ['-f', ini]).catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}
