import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '@members/api';
import { Member, openDatabase, type Database } from '@members/db';
import { testDatabaseUrl } from '../support/server.js';

const run = promisify(execFile);
const adminScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/admin.js');

let databaseUrl: string;
let db: Database;
let organizationId: number;
let directory: string;

beforeAll(async () => {
  databaseUrl = testDatabaseUrl();
  db = await openDatabase(databaseUrl, { migrate: true });
  organizationId = (await createOrganization(db.fork(), 'Importer')).organization.id;
  directory = await mkdtemp(path.join(os.tmpdir(), 'members-import-'));
});
afterAll(async () => {
  await db.close();
  await rm(directory, { recursive: true, force: true });
});

interface Summary {
  rows: number;
  created: number;
  updated: number;
  failed: number;
  failures: unknown[];
}

/** The built admin command, as `npm run --silent admin` runs it, on this run's database: its exit code and output. */
async function runImport(file: string, ...flags: string[]) {
  const args = [adminScript, 'import', file, '--org', String(organizationId), ...flags];
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** `--json`'s one object, and the exit code beside it. */
const importFile = async (file: string, ...flags: string[]) => {
  const { code, stdout } = await runImport(file, '--json', ...flags);
  return { code, ...(JSON.parse(stdout) as Summary) };
};

const members = (prefix: string) =>
  db.fork().count(Member, { organization: organizationId, email: { $like: `${prefix}%` } });

describe('admin import', () => {
  it('imports JSON Lines and CSV, reports refused rows by line, and imports nobody twice when run again', async () => {
    const jsonl = path.join(directory, 'members.jsonl');
    const lines = Array.from({ length: 1200 }, (_, i) =>
      JSON.stringify({ email: `twice-${i}@example.com`, name: `Twice ${i}`, customFields: { row: i } }),
    );
    await writeFile(jsonl, [...lines, '{"email":"nope"}', 'not json', ''].join('\n'));
    const first = await importFile(jsonl);
    // Exit 2: it ran, and some rows failed.
    expect(first).toMatchObject({ code: 2, rows: 1202, created: 1200, updated: 0, failed: 2 });
    expect(first.failures).toEqual([
      expect.objectContaining({ line: 1201, code: 'validation_failed' }),
      expect.objectContaining({ line: 1202, code: 'invalid_json' }),
    ]);
    const second = await importFile(jsonl);
    expect(second).toMatchObject({ rows: 1202, created: 0, updated: 1200, failed: 2 });
    expect(await members('twice-')).toBe(1200);

    const csv = path.join(directory, 'members.csv');
    await writeFile(
      csv,
      'email,name,role,customFields.team\ncsv-1@example.com,One,business,red\ncsv-2@example.com,,,\n',
    );
    expect(await importFile(csv)).toMatchObject({ code: 0, rows: 2, created: 2, failed: 0 });
    const one = await db.fork().findOneOrFail(Member, { organization: organizationId, email: 'csv-1@example.com' });
    expect(one).toMatchObject({ name: 'One', role: 'business', customFields: { team: 'red' } });
  });

  it('lists every failed row with --json, the first 20 and a count in text; exits 1 when it cannot run', async () => {
    const bad = path.join(directory, 'bad.ndjson');
    await writeFile(bad, Array.from({ length: 25 }, (_, i) => JSON.stringify({ email: `bad-${i}` })).join('\n'));
    const json = await importFile(bad);
    expect(json).toMatchObject({ code: 2, rows: 25, created: 0, failed: 25 });
    expect(json.failures).toHaveLength(25);
    const text = await runImport(bad);
    expect(text.code).toBe(2);
    expect(text.stdout.split('\n').filter((line) => line.startsWith('line '))).toHaveLength(20);
    expect(text.stdout).toContain('... and 5 more failed rows');

    const unknownFormat = path.join(directory, 'members.txt');
    await writeFile(unknownFormat, '{"email":"a@example.com"}\n');
    const refused = await runImport(unknownFormat);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `admin: cannot tell the format of ${unknownFormat} from its extension: pass --format csv or --format jsonl`,
    );
    expect(await importFile(unknownFormat, '--format', 'jsonl')).toMatchObject({ code: 0, created: 1 });
    expect((await runImport(path.join(directory, 'missing.csv'))).code).toBe(1);
    // Six admin processes one after another, each starting Node and opening the database: on a loaded machine
    // (CI runs two test files at a time) that alone has taken over 30 s.
  }, 120_000);

  it('can be run again after being killed part-way, and ends with every member exactly once', async () => {
    const total = 3000;
    const rows = Array.from({ length: total }, (_, i) => JSON.stringify({ email: `killed-${i}@example.com` }));
    // The importer reads a named pipe that holds only the first 1,500 rows and stays open: it writes its first
    // batch of 1,000, then waits for more, and is killed there. A file would race the kill (an import is fast).
    const pipe = path.join(directory, 'killed.pipe');
    await run('mkfifo', [pipe]);
    const importing = [adminScript, 'import', pipe, '--org', String(organizationId), '--format', 'jsonl', '--json'];
    const child = spawn(process.execPath, importing, {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const writer = createWriteStream(pipe);
    writer.on('error', () => undefined); // EPIPE once the reader is killed
    writer.write(rows.slice(0, 1500).join('\n') + '\n');
    for (let waited = 0; waited < 60_000 && (await members('killed-')) === 0; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await exited;
    writer.destroy();
    const partial = await members('killed-');
    expect(partial).toBe(1000);

    const file = path.join(directory, 'killed.jsonl');
    await writeFile(file, rows.join('\n'));
    const resumed = await importFile(file);
    expect(resumed.created + resumed.updated).toBe(total);
    expect(resumed.created).toBe(total - partial);
    expect(await members('killed-')).toBe(total);
  }, 120_000);
});
