import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { closeAfterAll } from '../support/teardown.js';

/**
 * The README's examples as a new user runs them: every shell block marked as tested, top to bottom, on a fresh
 * server on its embedded default, with the key it printed. The only changes are the ones a reader makes: the key
 * pasted in, and the server's address (this test's port rather than 3000).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const marker = '<!-- tested: apps/server/test/http/readme-examples.test.ts';
const blocks = readme
  .split(marker)
  .slice(1)
  .map((after) => /```sh\n([\s\S]*?)```/.exec(after)?.[1] ?? '');

let server: ServerProcess;
let key = '';
const databaseUrl = `file:${path.join(os.tmpdir(), `members-readme-${randomUUID()}.db`)}`;

const onClose = closeAfterAll();
beforeAll(async () => {
  server = await startServerProcess({ DATABASE_URL: databaseUrl, WEBHOOK_ALLOW_PRIVATE: '1' });
  onClose(server, (s) => s.stop());
  key = /Its API key \(shown only now\): (mk_\S+)/.exec(server.output())?.[1] ?? '';
}, 60_000);

/** Runs one block in bash (failing on the first failing command), and what it printed, even from background jobs. */
function run(script: string): Promise<{ code: number | null; output: () => string; stop: () => void }> {
  const host = new URL(server.url).host;
  const child = spawn(
    'bash',
    ['-e', '-o', 'pipefail', '-c', script.replaceAll('localhost:3000', host).replace(/^KEY=.*$/m, '')],
    {
      cwd: root,
      env: { ...process.env, KEY: key, DATABASE_URL: databaseUrl },
      detached: true,
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () => {
    // The block's background jobs (the receiver) share its process group.
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Nothing of the block is left running.
    }
  };
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output: () => output, stop })));
}

describe("the README's examples", () => {
  it('are there: the Kardow, Polar and webhook blocks', () => {
    expect(key).toMatch(/^mk_/);
    expect(blocks).toHaveLength(3);
  });

  it('run top to bottom on a fresh server, as written, without an error', async () => {
    for (const [index, block] of blocks.entries()) {
      const result = await run(block);
      try {
        expect(result.code, `block ${index + 1}: ${result.output()}`).toBe(0);
        expect(result.output(), `block ${index + 1}`).not.toMatch(/"error"/);
        if (block.includes('listen(4000)')) {
          // The receiver the block started is sent the event of the sync that follows.
          await expect
            .poll(() => result.output(), { timeout: 15_000 })
            .toMatch(/"event":"user\.created".*"email":"hooked@example\.com"/);
        }
      } finally {
        result.stop();
      }
    }
  }, 120_000);
});
