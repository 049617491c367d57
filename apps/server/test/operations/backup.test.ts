import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rawQuery } from '@members/db';
import { faultDatabase, restart, syncLoad, until } from '../support/faults.js';
import type { ServerProcess } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';

const run = promisify(execFile);
const adminScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/admin.js');
const sqliteRun = !(process.env.DATABASE_URL ?? '').startsWith('postgres');

describe.runIf(sqliteRun)('admin backup, while the server writes', () => {
  let fault: Awaited<ReturnType<typeof faultDatabase>>;
  let server: ServerProcess;
  let restored: ServerProcess | undefined;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    fault = await faultDatabase();
    onClose(fault, (f) => f.drop());
    server = await restart({ DATABASE_URL: fault.url, RATE_LIMIT_PER_SECOND: '0' });
    onClose(server, (s) => s.stop());
  }, 60_000);

  it('writes a copy that opens, passes integrity_check, holds every write acknowledged before it began, and serves', async () => {
    const load = syncLoad(() => server.url, fault.key, 'backup');
    await until(() => load.acknowledged.size >= 200, 60_000, 'writes before the backup');
    const before = [...load.acknowledged.keys()];
    const file = path.join(os.tmpdir(), `members-backup-${randomUUID()}.db`);
    const { stdout } = await run(process.execPath, [adminScript, 'backup', file, '--json'], {
      env: { ...process.env, DATABASE_URL: fault.url },
    });
    const during = load.acknowledged.size;
    await load.stop();
    const { backup } = JSON.parse(stdout) as { backup: { path: string; bytes: number; members: number } };
    expect(backup.path).toBe(file);
    expect(backup.bytes).toBeGreaterThan(0);
    expect(backup.members).toBeGreaterThanOrEqual(before.length);
    console.log(`backup: ${backup.members} members copied; ${before.length} acknowledged before, ${during} by its end`);

    const copy = await openDatabase(`file:${file}`);
    try {
      const [check] = await rawQuery<{ integrity_check: string }>(copy.fork(), 'pragma integrity_check', []);
      expect(check?.integrity_check).toBe('ok');
      const emails = new Set(
        (
          await rawQuery<{ email: string }>(copy.fork(), "select email from member where email like 'backup-%'", [])
        ).map((row) => row.email),
      );
      expect(before.filter((email) => !emails.has(email))).toEqual([]);
    } finally {
      await copy.close();
    }

    // DATABASE_URL=file:COPY npm start serves the copy.
    restored = await restart({ DATABASE_URL: `file:${file}` });
    onClose(restored, (r) => r.stop());
    const reply = await fetch(`${restored.url}/members/${encodeURIComponent(before[0] ?? '')}`, {
      headers: { 'x-api-key': fault.key },
    });
    expect(reply.status).toBe(200);
  }, 120_000);
});

describe.skipIf(sqliteRun)('admin backup on PostgreSQL', () => {
  it('exits 1 with one line pointing at pg_dump', async () => {
    const fault = await faultDatabase();
    try {
      const failed = await run(process.execPath, [adminScript, 'backup', '/tmp/never.db'], {
        env: { ...process.env, DATABASE_URL: fault.url },
      }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr.trim().split('\n')).toHaveLength(1);
      expect(failed?.stderr).toContain('pg_dump');
    } finally {
      await fault.drop();
    }
  });
});
