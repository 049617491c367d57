import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { kardowEventTypes, polarEmittedEventTypes, procedurePaths, restRoutes } from '@members/contracts';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { closeAfterAll } from '../support/teardown.js';

/**
 * Debian's chromium, which .ci/run installs. Without it the test is skipped, except in CI, where it must run. The
 * pages are generated from the contracts, whatever the database: the SQLite pass alone renders them.
 */
/** What the page's code reads of an element. */
interface Element {
  textContent: string | null;
  getAttribute(name: string): string | null;
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = (existsSync(executablePath) || process.env.CI === 'true') && inject('postgresUrl') === null;

let server: TestServer;
let tenant: Tenant;
let browser: Browser;

const onClose = closeAfterAll();
beforeAll(async () => {
  if (!runs) return;
  server = await startServer();
  onClose(server, (s) => s.close());
  tenant = await createTenant(server.db);
  browser = await chromium.launch({
    executablePath,
    headless: true,
    // As root in a sandboxed machine with no network beyond loopback: no sandbox, nothing in the background.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onClose(browser, (b) => b.close());
});

async function openDocs(): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${server.url}/docs`);
  await page.locator('.opblock').first().waitFor();
  return { page, requested };
}

describe.skipIf(!runs)('/docs in headless Chromium', () => {
  it('shows every operation of the route tables, and every webhook event', async () => {
    const { page } = await openDocs();
    const shown = await page
      .locator('.opblock')
      // Runs in the page, whose DOM types the server's tests do not load: the little of them it reads.
      .evaluateAll((blocks: { querySelector(selector: string): Element | null }[]) =>
        blocks.map(
          (block) =>
            `${block.querySelector('.opblock-summary-method')?.textContent?.toLowerCase()} ${block
              .querySelector('.opblock-summary-path')
              ?.getAttribute('data-path')}`,
        ),
      );
    const events = [...kardowEventTypes, ...polarEmittedEventTypes].map((event) => `post ${event}`);
    expect(shown.sort()).toEqual([...restRoutes.map(({ route }) => `${route.method} ${route.path}`), ...events].sort());
    await page.close();
  });

  it('runs "Try it out" on POST /members/sync with a key, gets a 201, and asks nothing of any other host', async () => {
    const { page, requested } = await openDocs();

    await page.locator('.btn.authorize').first().click();
    const apiKeyForm = page.locator('.auth-container').filter({ hasText: 'x-api-key' });
    await apiKeyForm.locator('input').fill(tenant.key);
    await apiKeyForm.locator('button.authorize').click();
    await apiKeyForm.locator('.btn-done').click();

    const sync = page.locator('.opblock-post').filter({ has: page.locator('[data-path="/members/sync"]') });
    await sync.locator('.opblock-summary').click();
    await sync.locator('.try-out__btn').click();
    await sync.locator('.execute').click();
    const status = sync.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('201');
    expect(await sync.locator('.live-responses-table .microlight').first().textContent()).toContain(
      '"email": "member@example.com"',
    );

    const origin = new URL(server.url).origin;
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    await page.close();
  });

  it('links to the tRPC reference, which shows every procedure with its kind, scope, fields and errors', async () => {
    const { page, requested } = await openDocs();
    await page.getByRole('link', { name: 'tRPC procedures reference' }).click();
    await page.getByRole('heading', { name: 'tRPC procedures', level: 1 }).waitFor();
    const listed = await page.getByRole('navigation', { name: 'Procedures' }).getByRole('link').allTextContents();
    expect(listed.map((text) => text.trim())).toEqual([...procedurePaths]);

    const sync = page.locator('section#members-sync');
    expect(await sync.locator('dd').allTextContents()).toEqual([
      'mutation (trpc.members.sync.mutate(input))',
      'members:write',
      'POST /members/sync',
    ]);
    const email = sync.getByRole('row', { name: /^email / }).first();
    expect(await email.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['email', 'yes']));
    const errors = sync.getByRole('table', { name: 'Errors of members.sync' });
    expect(
      await errors
        .getByRole('row', { name: /unauthorized/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['unauthorized', 'UNAUTHORIZED', '401']);
    await sync.getByText('Input JSON Schema').click();
    expect(await sync.locator('pre').first().textContent()).toContain('"email"');
    // A tRPC-only procedure says so.
    expect(await page.locator('section#overview-members dd').nth(2).textContent()).toBe('tRPC only');

    const origin = new URL(server.url).origin;
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    await page.close();
  });
});
