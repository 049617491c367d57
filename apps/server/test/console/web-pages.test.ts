import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DeliveryWorker } from '@members/api';
import { createHmac, randomUUID } from 'node:crypto';
import { startReceiver } from '../support/receiver.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { request } from '../support/http.js';
import { lookup, sync } from '../support/kardow.js';
import { closeAfterAll } from '../support/teardown.js';

/** Debian's chromium, which .ci/run installs. Without it the test is skipped, except in CI, where it must run. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = existsSync(executablePath) || process.env.CI === 'true';
const require = createRequire(import.meta.url);
const built = path.join(path.dirname(require.resolve('@members/console/package.json')), 'dist');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** With SCREENSHOTS=1 the test refreshes the README's pictures of the pages. */
const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/screenshots');

let server: TestServer;
let tenant: Tenant;
let browser: Browser;
/** Every URL any page of the run asked for. */
const requested: string[] = [];

const onClose = closeAfterAll();
beforeAll(async () => {
  if (!runs) return;
  server = await startServer();
  onClose(server, (s) => s.close());
  tenant = await createTenant(server.db);
  await tenant.plan({ name: 'Monthly', stripePriceId: 'price_web' });
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  onClose(browser, (b) => b.close());
});

async function newPage(options: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('request', (r) => requested.push(r.url()));
  return { context, page };
}

/** Signs in at a page of the console (`#members`), or with no hash where a sign-in lands: the overview. */
async function signIn(page: Page, key: string, at = '#members') {
  await page.goto(`${server.url}/console${at}`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Console' }).waitFor();
}

/** axe-core in the page: the serious and critical violations, by rule, with the elements they name. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe.skipIf(!runs)('the operator console, in headless Chromium', () => {
  it('finds a synced member, cancels its subscription, and the paywall changes over REST', async () => {
    const email = 'web-paywall@example.com';
    await sync(server.url, tenant.key, {
      email,
      name: 'Web Paywall',
      access: { stripePriceId: 'price_web', currentPeriodEnd: '2099-01-01T00:00:00Z' },
    });
    expect((await lookup(server.url, tenant.key, email)).body.data.hasValidPaywallSubscription).toBe(true);
    const { context, page } = await newPage();
    await signIn(page, tenant.key);
    await page.getByRole('searchbox', { name: 'Search members' }).fill('web-paywall');
    await page.getByRole('link', { name: email }).click();
    await page.getByText('valid subscription', { exact: true }).waitFor();
    // The subscription names its plan, and its status in words.
    await page.getByRole('cell', { name: 'Monthly', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Active', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Action' }).selectOption('cancel_now');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('no valid subscription').waitFor();
    expect((await lookup(server.url, tenant.key, email)).body.data.hasValidPaywallSubscription).toBe(false);
    if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: path.join(screenshots, 'console-member.png') });
    await context.close();
  });

  it('edits custom fields as a key/value table, which a lookup over REST then sees', async () => {
    const email = 'web-fields@example.com';
    await sync(server.url, tenant.key, { email, customFields: { team: 'core', seats: 2 } });
    const { context, page } = await newPage();
    await signIn(page, tenant.key, `#members/${encodeURIComponent(email)}`);
    await page.getByRole('textbox', { name: 'Value of seats' }).fill('5');
    await page.getByRole('button', { name: 'Remove team' }).click();
    await page.getByRole('button', { name: 'Add a field' }).click();
    await page.getByRole('textbox', { name: 'Name of field 2' }).fill('city');
    await page.getByRole('textbox', { name: 'Value of city' }).fill('Lisbon');
    await page.getByRole('button', { name: 'Save custom fields' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await lookup(server.url, tenant.key, email)).body.data.member.customFields).toEqual({
      seats: 5,
      city: 'Lisbon',
    });
    await context.close();
  });

  it("shows a member's history: each change, by which key and through what, and the fields it set", async () => {
    const email = 'web-history@example.com';
    await sync(server.url, tenant.key, { email, name: 'Before History' });
    const { context, page } = await newPage();
    await signIn(page, tenant.key, `#members/${encodeURIComponent(email)}`);
    await page.getByLabel('Name', { exact: true }).fill('After History');
    await page.getByRole('button', { name: 'Save member' }).click();
    await page.getByText('Saved.').waitFor();
    const history = page.getByRole('table', { name: 'History' });
    await history.getByRole('row').nth(2).waitFor();
    const rows = await history.getByRole('row').allInnerTexts();
    // Newest first: the console's save, then the sync over REST that made the member.
    expect(rows[1]).toMatch(/console\s+members\.sync\s+approvalStatus, email, name, role, userId/);
    expect(rows[2]).toMatch(/REST\s+members\.sync\s+email, name/);
    expect(rows.join('\n')).not.toMatch(/(Before|After) History/);
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('table', { name: 'Changes' }).getByText('console').first().waitFor();
    await context.close();
  });

  it('shows no time as an ISO string on any page', async () => {
    await sync(server.url, tenant.key, {
      email: 'web-times@example.com',
      access: { stripePriceId: 'price_web', currentPeriodEnd: '2099-01-01T00:00:00Z' },
    });
    const { context, page } = await newPage();
    await signIn(page, tenant.key, '');
    const iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
    for (const name of ['Overview', 'Members', 'Customers', 'API keys', 'Plans', 'Webhooks', 'Import']) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expect.poll(() => page.getByText('Loading…').count(), { timeout: 15_000 }).toBe(0);
      expect(await page.locator('main').innerText(), name).not.toMatch(iso);
    }
    await page.goto(`${server.url}/console#members/web-times%40example.com`);
    await page.getByRole('heading', { name: 'web-times@example.com' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(iso);
    // The exact local time is there on hover.
    expect(await page.locator('main time').first().getAttribute('title')).toMatch(/2099|\d/);
    await context.close();
  });

  it('manages webhooks from the page: added, signed, secret rotated, events edited, disabled, opened, deleted', async () => {
    const own = await createTenant(server.db);
    const receiver = await startReceiver();
    const worker = new DeliveryWorker(server.db, { pollMs: 20 });
    worker.start();
    const { context, page } = await newPage();
    try {
      const url = `${receiver.url}/ok/console-hook`;
      await signIn(page, own.key, '#webhooks');
      const added = page.getByRole('form', { name: 'Add a webhook' });
      await added.getByRole('combobox', { name: 'Kind' }).selectOption('kardow');
      await added.getByRole('textbox', { name: 'URL' }).fill(url);
      await added.getByRole('combobox', { name: 'Event' }).selectOption('user.created');
      await added.getByRole('button', { name: 'Add webhook' }).click();
      const firstSecret = (await page.locator('[role="status"] .secret').textContent()) ?? '';
      expect(firstSecret).toMatch(/^whsec_/);
      const signedWith = (secret: string, body: string) =>
        `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

      // The next sync's event reaches the receiver, signed with the secret the page showed.
      await sync(server.url, own.key, { email: 'hooked-1@console.example' });
      const [first] = await receiver.waitFor('/ok/console-hook', 1);
      expect(first?.headers['x-kardow-signature']).toBe(signedWith(firstSecret, first?.body ?? ''));

      // Rotated: the next delivery verifies with the new secret only.
      await page.getByRole('button', { name: `Rotate secret of ${url}` }).click();
      const shown = page.getByText(`New secret of ${url}`);
      await shown.waitFor();
      const rotated = (await shown.locator('.secret').textContent()) ?? '';
      expect(rotated).not.toBe(firstSecret);
      await sync(server.url, own.key, { email: 'hooked-2@console.example' });
      const second = (await receiver.waitFor('/ok/console-hook', 2))[1];
      expect(second?.headers['x-kardow-signature']).toBe(signedWith(rotated, second?.body ?? ''));
      expect(second?.headers['x-kardow-signature']).not.toBe(signedWith(firstSecret, second?.body ?? ''));

      // A delivery opens to its payload and the receiver's answer.
      await page.reload();
      await page
        .getByRole('button', { name: new RegExp(`^Open the user\\.created delivery to ${url.replace(/[.]/g, '\\.')}`) })
        .first()
        .click();
      await expect.poll(() => page.getByLabel('Payload').textContent()).toContain('hooked-2@console.example');
      await page.getByRole('table', { name: 'Attempts' }).getByRole('cell', { name: 'Delivered' }).waitFor();
      if (process.env.SCREENSHOTS === '1') {
        await page.screenshot({ path: path.join(screenshots, 'console-webhooks.png'), fullPage: true });
      }

      // Its event edited, then disabled: Kardow's own API sees both.
      await page.getByRole('button', { name: `Edit events of ${url}` }).click();
      await page.getByRole('combobox', { name: `Event of ${url}` }).selectOption('user.updated');
      await expect
        .poll(
          async () =>
            ((await request(`${server.url}/webhooks`, { key: own.key })).body as { data: { event: string }[] }).data[0]
              ?.event,
        )
        .toBe('user.updated');
      await page.getByRole('button', { name: `Disable ${url}` }).click();
      await page.getByRole('button', { name: `Enable ${url}` }).waitFor();
      expect((await request(`${server.url}/webhooks`, { key: own.key })).body).toMatchObject({
        data: [{ is_enabled: false }],
      });

      // A Polar endpoint with events chosen from the catalogue, then deleted.
      const polarUrl = `${receiver.url}/ok/console-polar`;
      await added.getByRole('combobox', { name: 'Kind' }).selectOption('polar');
      await added.getByRole('textbox', { name: 'URL' }).fill(polarUrl);
      await added.getByRole('checkbox', { name: 'customer.created' }).check();
      await added.getByRole('checkbox', { name: 'member.created' }).check();
      await added.getByRole('button', { name: 'Add webhook' }).click();
      const listed = page.getByRole('table', { name: 'Webhooks' }).getByRole('cell', { name: polarUrl, exact: true });
      await listed.waitFor();
      expect(await listed.count()).toBe(1);
      const endpoints = async () =>
        (
          (await request(`${server.url}/v1/webhooks/endpoints`, { bearer: own.key })).body as {
            items: { url: string; events: string[] }[];
          }
        ).items;
      const [polarEndpoint, ...others] = await endpoints();
      expect(others).toEqual([]);
      expect(polarEndpoint?.url).toBe(polarUrl);
      expect(polarEndpoint?.events.sort()).toEqual(['customer.created', 'member.created']);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: `Delete ${polarUrl}` }).click();
      await expect.poll(async () => (await endpoints()).length).toBe(0);
    } finally {
      await context.close();
      await worker.stop();
      await receiver.close();
    }
  });

  it('pages through the customers to the 60th', async () => {
    const own = await createTenant(server.db);
    for (let start = 0; start < 60; start += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          request(`${server.url}/v1/customers/`, {
            bearer: own.key,
            body: { email: `paged-${String(start + i + 1).padStart(2, '0')}@customers.example` },
          }),
        ),
      );
    }
    const { context, page } = await newPage();
    await signIn(page, own.key, '#customers');
    await page.getByText('60 customers').waitFor();
    const pages = page.getByRole('navigation', { name: 'Customers pages' });
    await pages.getByText('Page 1 of 2').waitFor();
    await pages.getByRole('button', { name: 'Next page' }).click();
    await pages.getByText('Page 2 of 2').waitFor();
    const emails = await page.getByRole('link', { name: /@customers\.example$/ }).allInnerTexts();
    expect(emails).toHaveLength(10);
    const seen = new Set(emails);
    await pages.getByRole('button', { name: 'Previous page' }).click();
    await pages.getByText('Page 1 of 2').waitFor();
    for (const email of await page.getByRole('link', { name: /@customers\.example$/ }).allInnerTexts()) seen.add(email);
    expect(seen.size).toBe(60);
    await context.close();
  });

  it('scrolls no page sideways on a 375 px wide phone', async () => {
    await sync(server.url, tenant.key, {
      email: 'a-rather-long-address-for-a-phone@web-narrow.example',
      customFields: { team: 'core' },
      access: { stripePriceId: 'price_web' },
    });
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await signIn(page, tenant.key, '');
    const wide: string[] = [];
    const check = async (name: string) => {
      await expect.poll(() => page.getByText('Loading…').count(), { timeout: 15_000 }).toBe(0);
      // In the page (no DOM types here): how wide the document is, and the window.
      const [scrollWidth, width] = await page.evaluate(() => {
        const view = globalThis as unknown as {
          innerWidth: number;
          document: { documentElement: { scrollWidth: number } };
        };
        return [view.document.documentElement.scrollWidth, view.innerWidth];
      });
      if (scrollWidth > width) wide.push(`${name}: ${scrollWidth} px in ${width}`);
    };
    for (const name of ['Overview', 'Members', 'Customers', 'API keys', 'Plans', 'Webhooks', 'Import']) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(name);
    }
    await page.goto(`${server.url}/console#members/a-rather-long-address-for-a-phone%40web-narrow.example`);
    await page.getByRole('heading', { name: 'a-rather-long-address-for-a-phone@web-narrow.example' }).waitFor();
    await check('a member');
    // A team whose member's long email is an option of the portal link's choice.
    const team = (
      await request(`${server.url}/v1/customers/`, {
        bearer: tenant.key,
        body: { type: 'team', email: 'a-rather-long-owner-address-for-a-phone@web-narrow.example', name: 'Narrow' },
      })
    ).body as { id: string };
    await page.goto(`${server.url}/console#customers/${team.id}`);
    await page.getByRole('heading', { name: 'Narrow (team)' }).waitFor();
    await check('a customer');
    expect(wide).toEqual([]);
    await context.close();
  });

  it('lands on the overview, whose charts hold the figures of what was written', async () => {
    const own = await createTenant(server.db);
    await own.plan({ name: 'Overview Gold', stripePriceId: 'price_overview_gold' });
    for (const [email, role, approvalStatus] of [
      ['ov-1@example.com', 'employer', 'approved'],
      ['ov-2@example.com', 'employer', 'pending'],
      ['ov-3@example.com', 'jobseeker', 'approved'],
    ] as const) {
      await sync(server.url, own.key, {
        email,
        role,
        approvalStatus,
        access: { stripePriceId: 'price_overview_gold' },
      });
    }
    const { context, page } = await newPage();
    await signIn(page, own.key, '');
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const figures = async (chart: string) => {
      const table = page.getByRole('table', { name: `${chart}: the figures` });
      await table.waitFor({ state: 'attached' });
      const rows = await table.locator('tbody tr').allInnerTexts();
      return Object.fromEntries(
        rows.map((row): [string, string] => {
          const [label = '', value = ''] = row.split('\t').map((cell) => cell.trim());
          return [label, value];
        }),
      );
    };
    // The heading is drawn before the figures arrive: wait for the chart, then count it.
    await page.getByRole('img', { name: 'Members by role' }).first().waitFor();
    expect(await page.getByRole('img', { name: 'Members by role' }).count()).toBe(1);
    expect(await figures('Members by role')).toMatchObject({ Employer: '2', 'Job seeker': '1', Employee: '0' });
    expect(await figures('Members by approval status')).toMatchObject({ Approved: '2', 'Awaiting approval': '1' });
    expect(await figures('Subscriptions by plan')).toEqual({ 'Overview Gold': '3' });
    expect(await figures('Subscriptions by status')).toMatchObject({ Active: '3' });
    const days = await figures('New members per day, last 30 days');
    expect(Object.keys(days)).toHaveLength(30);
    expect(Object.values(days).at(-1)).toBe('3');
    await page.getByRole('combobox', { name: 'New members over' }).selectOption('90');
    expect(Object.keys(await figures('New members per day, last 90 days'))).toHaveLength(90);
    await page.getByRole('table', { name: 'Webhook deliveries of the last 24 hours: the figures' }).waitFor({
      state: 'attached',
    });
    if (process.env.SCREENSHOTS === '1')
      await page.screenshot({ path: path.join(screenshots, 'console-overview.png') });
    await context.close();
  });

  it('shows changes on the overview as they are made, in words, through the live event stream', async () => {
    const { context, page } = await newPage();
    await signIn(page, tenant.key, '');
    await page.getByRole('status').getByText('Listening: changes appear here as they are made.').waitFor();
    await sync(server.url, tenant.key, { email: 'live-feed@example.com', access: { stripePriceId: 'price_web' } });
    const feed = page.getByRole('list', { name: 'Live activity' });
    await feed.getByText('New member live-feed@example.com').waitFor();
    await feed.getByText('A subscription started (active)').waitFor();
    // Its times are in words, as everywhere in the console.
    expect(await feed.locator('time').first().textContent()).toMatch(/now|second/);
    await context.close();
  });

  it('creates a key with members:read only, which reads and cannot write over REST, and revokes it', async () => {
    const { context, page } = await newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, tenant.key);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Key name').fill('web-reader');
    await page.getByRole('checkbox', { name: 'members:read' }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByLabel('New API key').textContent()) ?? '';
    expect(key).toMatch(/^mk_/);
    expect((await request(`${server.url}/members?limit=1`, { key })).status).toBe(200);
    expect((await sync(server.url, key, { email: 'never@example.com' })).status).toBe(403);

    await page.getByRole('button', { name: 'Revoke web-reader' }).click();
    await expect.poll(async () => (await request(`${server.url}/members?limit=1`, { key })).status).toBe(401);
    await context.close();
  });

  it('erases a member after a confirmation that says what will go, and shows the receipt', async () => {
    const email = 'web-erase@example.com';
    await sync(server.url, tenant.key, {
      email,
      name: 'Web Erase',
      access: { stripePriceId: 'price_web' },
      payment: { jobId: randomUUID(), amount: 3, currency: 'USD' },
    });
    const { context, page } = await newPage();
    await signIn(page, tenant.key, `#members/${encodeURIComponent(email)}`);
    await page.getByRole('button', { name: 'Erase member' }).click();
    const confirmation = page.getByRole('alertdialog', { name: `Erase ${email}?` });
    await confirmation.getByText('The member, with 1 subscription and 1 payment.').waitFor();
    // Cancel leaves the member as it was.
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    expect((await lookup(server.url, tenant.key, email)).status).toBe(200);

    await page.getByRole('button', { name: 'Erase member' }).click();
    await page.getByRole('button', { name: 'Erase member now' }).click();
    await page
      .getByRole('status')
      .getByText('Erased: 1 member, 1 subscription, 1 payment, 1 event payload scrubbed.')
      .waitFor();
    expect((await lookup(server.url, tenant.key, email)).status).toBe(404);
    await context.close();
  });

  it('shows what a key may not do as disabled, not failed', async () => {
    const reader = await tenant.keyWith(['members:read']);
    const { email } = (await sync(server.url, tenant.key, { email: 'web-readonly@example.com' })).body.data.member;
    const { context, page } = await newPage();
    await signIn(page, reader);
    await page.getByRole('link', { name: email }).click();
    expect(await page.getByRole('button', { name: 'Save member' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Erase member' }).isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByText('Your API key lacks the admin scope').waitFor();
    await context.close();
  });

  it('adds a customer and a team member, and transfers ownership', async () => {
    const { context, page } = await newPage();
    await signIn(page, tenant.key);
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByLabel('Customer email').fill('owner@transfer.example');
    await page.getByLabel('Customer name').fill('Transfer Team');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('link', { name: 'owner@transfer.example' }).waitFor();
    // A customer's email is unique in the organization, in any case: the console says why a second one is refused.
    await page.getByLabel('Customer email').fill('Owner@Transfer.example');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('alert').getByText('A customer with this email address already exists.').waitFor();
    await page.getByRole('link', { name: 'owner@transfer.example' }).click();
    await page.getByRole('heading', { name: 'Transfer Team (team)' }).waitFor();
    await page.getByLabel('Member email').fill('heir@transfer.example');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('combobox', { name: 'Role of heir@transfer.example' }).selectOption('owner');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Role of owner@transfer.example' }).inputValue())
      .toBe('billing_manager');
    const customers = (
      await request(`${server.url}/v1/customers/?email=owner@transfer.example`, { bearer: tenant.key })
    ).body as { items: { id: string }[] };
    const team = (await request(`${server.url}/v1/customers/${customers.items[0]?.id}/members`, { bearer: tenant.key }))
      .body as { items: { email: string; role: string }[] };
    expect(Object.fromEntries(team.items.map((m) => [m.email, m.role]))).toEqual({
      'owner@transfer.example': 'billing_manager',
      'heir@transfer.example': 'owner',
    });
    const customerUrl = `${server.url}/v1/customers/${customers.items[0]?.id}`;

    // A portal link names the member it signs in, as a team customer's session must.
    await page.getByLabel('Signed in as').selectOption({ label: 'heir@transfer.example' });
    await page.getByRole('button', { name: 'Make portal link' }).click();
    const portalLink = page.getByRole('link', { name: 'Portal link for heir@transfer.example' });
    const portalPage = await context.newPage();
    await portalPage.goto((await portalLink.getAttribute('href')) ?? '');
    await portalPage.getByText('Signed in as heir@transfer.example').waitFor();
    await portalPage.close();

    await page.getByLabel('Customer name').fill('Renamed Team');
    await page.getByRole('button', { name: 'Save customer' }).click();
    await page.getByRole('heading', { name: 'Renamed Team (team)' }).waitFor();
    expect(((await request(customerUrl, { bearer: tenant.key })).body as { name: string }).name).toBe('Renamed Team');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete customer' }).click();
    await page.getByRole('heading', { name: 'Customers', exact: true }).waitFor();
    expect((await request(customerUrl, { bearer: tenant.key })).status).toBe(404);
    await context.close();
  });

  it('erases a customer after a confirmation that says what will go, and shows the receipt', async () => {
    const email = 'owner@erased-team.example';
    const created = await request<{ id: string }>(`${server.url}/v1/customers/`, {
      bearer: tenant.key,
      body: { email, name: 'Erased Team', type: 'team' },
    });
    expect(created.status).toBe(201);
    const { context, page } = await newPage();
    await signIn(page, tenant.key, `#customers/${created.body.id}`);
    await page.getByRole('button', { name: 'Erase customer' }).click();
    const confirmation = page.getByRole('alertdialog', { name: `Erase ${email}?` });
    await confirmation.getByText('Their portal sessions end.').waitFor();
    await confirmation.getByRole('button', { name: 'Erase customer now' }).click();
    await page.getByRole('status').getByText('Erased: 1 customer, 1 team member').waitFor();
    const customer = await request(`${server.url}/v1/customers/${created.body.id}`, { bearer: tenant.key });
    expect(customer.status).toBe(404);
    await context.close();
  });

  it('shows a failed webhook delivery and redelivers it to a receiver that now answers', async () => {
    let failing = true;
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push(String(req.headers['webhook-id']));
        res.writeHead(failing ? 500 : 200).end(failing ? 'down for maintenance' : 'ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    // Given up on at its first failure: a failed delivery, which nothing older holds back a redelivery behind.
    const worker = new DeliveryWorker(server.db, { pollMs: 20, giveUpAfterMs: 0 });
    worker.start();
    try {
      await request(`${server.url}/v1/webhooks/endpoints`, {
        bearer: tenant.key,
        body: { url: `http://127.0.0.1:${port}/hook`, format: 'raw', events: ['customer.created'] },
      });
      await request(`${server.url}/v1/customers/`, { bearer: tenant.key, body: { email: 'hooked@web.example' } });
      await request(`${server.url}/webhooks`, {
        key: tenant.key,
        body: { event: 'user.created', target_type: 'webhook', target_url: `http://127.0.0.1:${port}/kardow` },
      });
      await sync(server.url, tenant.key, { email: 'hooked-kardow@web.example' });
      await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
      const { context, page } = await newPage();
      await signIn(page, tenant.key);
      await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
      await page.getByRole('cell', { name: 'down for maintenance' }).waitFor();
      // Both surfaces' deliveries, with their state and attempts.
      const every = page.getByRole('table', { name: 'Every delivery' });
      const kardowRow = every.getByRole('row').filter({ hasText: 'user.created' });
      expect(await kardowRow.textContent()).toMatch(/Kardow.*user\.created.*Failed.*1.*500/);
      failing = false;
      await page
        .getByRole('button', { name: /^Redeliver customer\.created/ })
        .first()
        .click();
      await page.getByText('Redelivery scheduled.').waitFor();
      await expect.poll(() => received.length, { timeout: 10_000 }).toBe(3);
      await page.reload();
      await page.getByRole('cell', { name: 'Delivered' }).first().waitFor();
      await context.close();
    } finally {
      await worker.stop();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('imports a CSV with one bad row and shows that row’s error', async () => {
    const file = path.join(os.tmpdir(), `web-import-${Date.now()}.csv`);
    writeFileSync(
      file,
      'email,name,role\nweb-import-1@example.com,One,business\nnot-an-email,Two,employee\nweb-import-3@example.com,Three,\n',
    );
    const { context, page } = await newPage();
    await signIn(page, tenant.key);
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByLabel('File to import').setInputFiles(file);
    await page.getByText('3 rows: 2 created, 0 updated, 1 failed').waitFor();
    const refused = page.getByRole('table', { name: 'Refused lines' });
    await refused.getByRole('cell', { name: '3', exact: true }).waitFor();
    expect(await refused.textContent()).toContain('email');
    expect((await lookup(server.url, tenant.key, 'web-import-3@example.com')).status).toBe(200);
    await context.close();
    rmSync(file);
  });

  it('has no serious or critical accessibility violation on any page', async () => {
    await sync(server.url, tenant.key, { email: 'web-a11y@example.com', access: { stripePriceId: 'price_web' } });
    const { context, page } = await newPage({ bypassCSP: true });
    const problems: Record<string, string[]> = {};
    await page.goto(`${server.url}/console`);
    await page.getByLabel('API key').waitFor();
    problems['sign-in'] = await accessibilityProblems(page);
    await signIn(page, tenant.key);
    for (const name of ['Overview', 'Members', 'Customers', 'API keys', 'Plans', 'Webhooks', 'Import']) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      // A page may load several lists at once: wait until none says it is loading.
      await expect.poll(() => page.getByText('Loading…').count(), { timeout: 15_000 }).toBe(0);
      problems[name] = await accessibilityProblems(page);
    }
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('link', { name: 'web-a11y@example.com' }).click();
    await page.getByRole('heading', { name: 'web-a11y@example.com' }).waitFor();
    problems.member = await accessibilityProblems(page);
    const team = (
      await request(`${server.url}/v1/customers/`, {
        bearer: tenant.key,
        body: { type: 'team', email: 'a11y-team@example.com', name: 'A11y Team' },
      })
    ).body as { id: string };
    await page.goto(`${server.url}/console#customers/${team.id}`);
    await page.getByRole('combobox', { name: 'Role of a11y-team@example.com' }).waitFor();
    problems.team = await accessibilityProblems(page);
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((name) => [name, []])));
    await context.close();
  });
});

describe.skipIf(!runs)('the customer portal, in headless Chromium', () => {
  it('lets a billing manager add and remove a team member, as REST then sees', async () => {
    const bearer = { bearer: tenant.key };
    const team = (
      await request(`${server.url}/v1/customers/`, {
        ...bearer,
        body: { type: 'team', email: 'boss@web.example', name: 'Web Team' },
      })
    ).body as { id: string };
    const billing = (
      await request(`${server.url}/v1/customers/${team.id}/members`, {
        ...bearer,
        body: { email: 'billing@web.example', role: 'billing_manager' },
      })
    ).body as { id: string };
    const session = (
      await request(`${server.url}/v1/customer-sessions/`, {
        ...bearer,
        body: { customer_id: team.id, member_id: billing.id, return_url: 'https://app.example/account' },
      })
    ).body as { customer_portal_url: string };

    const { context, page } = await newPage({ bypassCSP: false });
    await page.goto(session.customer_portal_url);
    await page.getByRole('heading', { name: 'Web Team: your team' }).waitFor();
    // The token leaves the address bar as soon as the page has it.
    expect(page.url()).not.toContain('customer_session_token');
    await page.getByLabel('Email').fill('new@web.example');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('cell', { name: 'new@web.example', exact: true }).waitFor();
    // The form is ready for the next member.
    await expect.poll(() => page.getByLabel('Email').inputValue()).toBe('');
    const listed = async () =>
      (
        (await request(`${server.url}/v1/customers/${team.id}/members`, bearer)).body as { items: { email: string }[] }
      ).items.map((member) => member.email);
    expect(await listed()).toContain('new@web.example');
    if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: path.join(screenshots, 'portal.png') });

    await page.getByRole('button', { name: 'Remove new@web.example' }).click();
    await page.getByRole('cell', { name: 'new@web.example', exact: true }).waitFor({ state: 'detached' });
    expect(await listed()).not.toContain('new@web.example');
    // One's own row and the owner's cannot be removed.
    expect(await page.getByRole('button', { name: 'Remove billing@web.example' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Remove boss@web.example' }).isDisabled()).toBe(true);

    const a11y = await newPage({ bypassCSP: true });
    const again = (
      await request(`${server.url}/v1/customer-sessions/`, {
        ...bearer,
        body: { customer_id: team.id, member_id: billing.id },
      })
    ).body as { customer_portal_url: string };
    await a11y.page.goto(again.customer_portal_url);
    await a11y.page.getByRole('table', { name: 'Team members' }).waitFor();
    expect(await accessibilityProblems(a11y.page)).toEqual([]);
    await a11y.context.close();
    await context.close();
  });

  it('shows a plain member the team read-only, and an expired link as expired', async () => {
    const bearer = { bearer: tenant.key };
    const team = (
      await request(`${server.url}/v1/customers/`, {
        ...bearer,
        body: { type: 'team', email: 'lead@ro.example', name: 'RO Team' },
      })
    ).body as { id: string };
    const plain = (
      await request(`${server.url}/v1/customers/${team.id}/members`, { ...bearer, body: { email: 'plain@ro.example' } })
    ).body as { id: string };
    const session = (
      await request(`${server.url}/v1/customer-sessions/`, {
        ...bearer,
        body: { customer_id: team.id, member_id: plain.id },
      })
    ).body as { customer_portal_url: string };
    const { context, page } = await newPage();
    await page.goto(session.customer_portal_url);
    await page.getByRole('cell', { name: 'lead@ro.example', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    await page.getByText('Only the team’s owner or a billing manager can change the team.').waitFor();

    const expired = await context.newPage();
    await expired.goto(
      `${server.url}/portal?customer_session_token=polar_mst_gone&return_url=https%3A%2F%2Fapp.example%2Fback`,
    );
    await expired.getByRole('heading', { name: 'This link has expired' }).waitFor();
    expect(await expired.getByRole('link', { name: 'Back to the app' }).getAttribute('href')).toBe(
      'https://app.example/back',
    );
    await context.close();
  });
});

describe.skipIf(!runs)('what the pages are made of', () => {
  it('asks nothing of any origin but the server’s own', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});

describe('the built pages', () => {
  it('weigh under 500 KB gzipped in all, every asset served from this server', () => {
    const files = readdirSync(path.join(built, 'assets')).map((file) => path.join(built, 'assets', file));
    const gzipped = files.reduce((total, file) => total + gzipSync(readFileSync(file)).length, 0);
    expect(gzipped).toBeLessThan(500 * 1024);
    for (const page of ['console', 'portal']) {
      const html = readFileSync(path.join(built, page, 'index.html'), 'utf8');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/<script>(?!<\/script>)/);
    }
  });
});
