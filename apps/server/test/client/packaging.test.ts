import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { closeAfterAll } from '../support/teardown.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '../../../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let project: string;
let server: TestServer;
let tenant: Tenant;
let installed: string[];

/** What `npm pack` put in each tarball, by package. */
const packed = new Map<string, string[]>();

/** `npm pack` of a workspace package into `into`; returns the tarball's path. */
async function pack(workspace: string, into: string): Promise<string> {
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', into], {
    cwd: path.join(repository, workspace),
  });
  const [{ filename, files }] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  packed.set(
    workspace,
    files.map((file) => file.path),
  );
  return path.join(into, filename);
}

/** Every package name under node_modules, scoped ones included. */
async function packagesIn(nodeModules: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(nodeModules)) {
    if (entry.startsWith('@'))
      names.push(...(await readdir(path.join(nodeModules, entry))).map((n) => `${entry}/${n}`));
    else if (!entry.startsWith('.')) names.push(entry);
  }
  return names;
}

const tsc = (tsconfig: string) =>
  run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], { cwd: project });

/**
 * The tarballs and what their consumers compile do not depend on the database: tested on the SQLite pass alone
 * (CI runs it first, always), not again on PostgreSQL, where it cost a minute and a half.
 */
const runs = inject('postgresUrl') === null;

const onClose = closeAfterAll();
beforeAll(async () => {
  if (!runs) return;
  project = await mkdtemp(path.join(os.tmpdir(), 'members-consumer-'));
  onClose(project, (p) => rm(p, { recursive: true, force: true }));
  const contracts = await pack('packages/contracts', project);
  const client = await pack('packages/client', project);
  await writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // The tarballs and TypeScript only: no workspace, no links. Versions come from npm's cache when it has them.
  await run(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', contracts, client, 'typescript@5.9.3', '@types/node@20'],
    { cwd: project },
  );
  installed = await packagesIn(path.join(project, 'node_modules'));
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    types: ['node'],
    outDir: 'dist',
  };
  await copyFile(path.join(here, 'samples/sample.ts'), path.join(project, 'sample.ts'));
  await copyFile(path.join(here, 'samples/wrong.ts'), path.join(project, 'wrong.ts'));
  await writeFile(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['sample.ts'] }));
  await writeFile(path.join(project, 'tsconfig.wrong.json'), JSON.stringify({ compilerOptions, files: ['wrong.ts'] }));

  // A CommonJS project beside it, resolving the same installed packages from the parent's node_modules.
  const commonjs = path.join(project, 'commonjs');
  await mkdir(commonjs);
  await writeFile(path.join(commonjs, 'package.json'), JSON.stringify({ name: 'consumer-cjs', private: true }));
  await copyFile(path.join(here, 'samples/sample-commonjs.ts'), path.join(commonjs, 'sample.ts'));
  await writeFile(
    path.join(commonjs, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, module: 'Node16', moduleResolution: 'Node16' },
      files: ['sample.ts'],
    }),
  );

  server = await startServer();
  onClose(server, (s) => s.close());
  tenant = await createTenant(server.db);
}, 240_000);

// Each test runs tsc over the installed packages with skipLibCheck off: 10-20 s alone, more beside other files.
describe.skipIf(!runs)(
  '@members/contracts and @members/client, packed and installed in another project',
  { timeout: 120_000 },
  () => {
    it('install no server, database driver, ORM or HTTP framework, and declare none in their types', async () => {
      expect(installed).toEqual(expect.arrayContaining(['@members/contracts', '@members/client', 'zod']));
      const forbidden = ['@members/api', '@members/db', '@members/rest', 'knex', 'pg', 'better-sqlite3', 'express'];
      expect(installed.filter((name) => forbidden.includes(name) || name.startsWith('@mikro-orm/'))).toEqual([]);
      for (const name of ['@members/contracts', '@members/client']) {
        const dist = path.join(project, 'node_modules', name, 'dist');
        const declarations = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.d.ts'));
        expect(declarations.length, name).toBeGreaterThan(0);
        for (const file of declarations) {
          const text = await readFile(path.join(dist, file), 'utf8');
          expect(text, `${name}/dist/${file}`).not.toMatch(
            /mikro-orm|knex|express|better-sqlite3|@members\/(api|db|rest)|from ['"]pg['"]/,
          );
        }
      }
    });

    it('type-check a sample that calls tRPC and REST, with skipLibCheck off', async () => {
      await expect(tsc('tsconfig.json')).resolves.toBeDefined();
    });

    it('refuse a call that breaks the contract', async () => {
      const failure = await tsc('tsconfig.wrong.json').then(
        () => null,
        (error: { stdout: string }) => error.stdout,
      );
      expect(failure).toMatch(/wrong\.ts\(5,\d+\): error TS2322/);
    });

    it('run the sample against a live server: calls, REST, and a live event stream resumed', async () => {
      const { stdout } = await run(process.execPath, [path.join(project, 'dist/sample.js'), server.url, tenant.key]);
      expect(JSON.parse(stdout)).toEqual({
        created: true,
        email: 'packaged@example.com',
        restStatus: 200,
        customerType: 'team',
        notFoundStatus: 404,
        streamed: 'streamed@example.com',
        missed: 'missed@example.com',
      });
    });

    it('pack only built files, their types, the README and the CHANGELOG', () => {
      for (const workspace of ['packages/contracts', 'packages/client']) {
        const files = packed.get(workspace) ?? [];
        expect(files, workspace).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md']));
        expect(files, workspace).toEqual(
          expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/cjs/index.js']),
        );
        expect(files.filter((file) => !/^(dist\/|package\.json$|README\.md$|CHANGELOG\.md$)/.test(file))).toEqual([]);
        expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
      }
    });

    it('type-check and run in a CommonJS project (module node16), over tRPC and REST', async () => {
      const commonjs = path.join(project, 'commonjs');
      await run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', commonjs], {
        cwd: commonjs,
      });
      const compiled = await readFile(path.join(commonjs, 'dist/sample.js'), 'utf8');
      expect(compiled).toContain('require("@members/client")');
      const { stdout } = await run(process.execPath, [path.join(commonjs, 'dist/sample.js'), server.url, tenant.key]);
      expect(JSON.parse(stdout)).toEqual({ created: true, email: 'commonjs@example.com', restStatus: 200 });
    });
  },
);
