/**
 * The fault suite, part three: `admin import` of 100,000 rows killed with SIGKILL part-way, then run again.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { Member, Organization } from '@members/db';
import { faultDatabase, until } from '../support/faults.js';
import { processEnv } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';

const run = promisify(execFile);
const adminScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/admin.js');
const total = 100_000;

describe('SIGKILL in the middle of admin import of 100,000 rows', () => {
  let fault: Awaited<ReturnType<typeof faultDatabase>>;
  let directory: string;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    fault = await faultDatabase();
    onClose(fault, (f) => f.drop());
    directory = await mkdtemp(path.join(os.tmpdir(), 'members-import-fault-'));
    onClose(directory, (d) => rm(d, { recursive: true, force: true }));
  });

  it('ends, when run again, with every row exactly once', async () => {
    const [organization] = await fault.db.fork().find(Organization, {});
    const file = path.join(directory, 'members.jsonl');
    await writeFile(
      file,
      Array.from({ length: total }, (_, i) =>
        JSON.stringify({ email: `bulk-${i}@import.example`, role: 'employer' }),
      ).join('\n'),
    );
    const args = [adminScript, 'import', file, '--org', String(organization?.id), '--json'];
    const env = { ...processEnv(fault.url), DATABASE_URL: fault.url };
    const imported = () => fault.db.fork().count(Member, { email: { $like: 'bulk-%' } });

    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await until(async () => (await imported()) >= 5_000, 60_000, 'the import to write 5,000 rows');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const partial = await imported();
    expect(partial).toBeGreaterThanOrEqual(5_000);
    expect(partial).toBeLessThan(total);

    const { stdout } = await run(process.execPath, args, { env, maxBuffer: 64 * 1024 * 1024 });
    const summary = JSON.parse(stdout) as { created: number; updated: number; failed: number };
    console.log(
      `fault suite: import killed after ${partial} of ${total} rows; the second run created ${summary.created}`,
    );
    expect(summary).toMatchObject({ created: total - partial, updated: partial, failed: 0 });
    expect(await imported()).toBe(total);
  }, 240_000);
});
