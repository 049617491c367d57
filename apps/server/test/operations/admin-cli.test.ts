import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOfItsOwn, startServer, type TestServer } from '../support/server.js';
import { lookup, sync, syncFailing } from '../support/kardow.js';
import { request } from '../support/http.js';
import { match } from '../support/matchers.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
let databaseUrl: string;
let server: TestServer;

type Run = { code: number; stdout: string; stderr: string };
function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: repositoryRoot, env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Exactly as the README documents it: `npm run --silent admin -- <command>` from the repository root. */
const adminThroughNpm = (...args: string[]) => run('npm', ['run', '--silent', 'admin', '--', ...args]);

/**
 * The program `npm run admin` ends in (`node apps/server/dist/admin.js`), without npm's and turbo's second or two
 * around each command: the README's own command is run once, above.
 */
const admin = (...args: string[]) =>
  run(process.execPath, [path.join(repositoryRoot, 'apps/server/dist/admin.js'), ...args]);

/** stdout must be exactly one JSON object, of the shape the README gives for the command. */
function json<T>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as T;
}
type KeyJson = { id: string; key: string; scopes: string[] };

/** The reason line, without npm's own chatter about its configuration. */
const reasonLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('admin: '));

/** Its own database: another file's server, delivering any organization's events, would attempt this file's. */
const database = databaseOfItsOwn('admin');

beforeAll(async () => {
  databaseUrl = database.url;
  server = await startServer({ databaseUrl });
}, 120_000);
afterAll(async () => {
  await server.close();
  await database.drop();
});

// Each command is a process of its own, which opens and migrates the database: a busy machine needs more than the default.
describe('the admin command line', { timeout: 120_000 }, () => {
  let organizationId: number;
  let fullKey: string;

  it('org create makes an organization and a key with every scope, which the server accepts', async () => {
    const result = await adminThroughNpm('org', 'create', '--name', 'Acme', '--json');
    expect(result.code).toBe(0);
    const out = json<{ organization: { id: number; name: string }; apiKey: KeyJson }>(result.stdout);
    expect(Object.keys(out).sort()).toEqual(['apiKey', 'organization']);
    expect(out.organization).toEqual({ id: match.any(Number), name: 'Acme' });
    expect(out.apiKey).toEqual({
      id: match.any(String),
      key: match.stringMatching(/^mk_/),
      scopes: [
        'members:read',
        'members:write',
        'customers:read',
        'customers:write',
        'customer_sessions:write',
        'admin',
      ],
    });
    organizationId = out.organization.id;
    fullKey = out.apiKey.key;
    expect((await sync(server.url, fullKey, { email: 'cli@example.com' })).status).toBe(201);
  });

  it('plan create makes a plan that sync can find', async () => {
    const result = await admin(
      'plan',
      'create',
      '--org',
      String(organizationId),
      '--name',
      'Monthly',
      '--stripe-price-id',
      'price_cli',
      '--paypal-plan-id',
      'P-CLI',
      '--jobs',
      '3',
      '--json',
    );
    expect(result.code).toBe(0);
    const { plan } = json<{ plan: { id: string } }>(result.stdout);
    expect(plan).toEqual({
      id: match.any(String),
      name: 'Monthly',
      stripePriceId: 'price_cli',
      paypalPlanId: 'P-CLI',
      jobsIncluded: 3,
    });
    const reply = await sync(server.url, fullKey, { email: 'cli@example.com', access: { stripePriceId: 'price_cli' } });
    expect(reply.body.data.access).toMatchObject({ planId: plan.id, jobsRemaining: 3 });
  });

  it('key create with scopes limits the key; key revoke ends it', async () => {
    const created = await admin(
      'key',
      'create',
      '--org',
      String(organizationId),
      '--scopes',
      'members:read',
      '--name',
      'reporting',
      '--json',
    );
    expect(created.code).toBe(0);
    const { apiKey } = json<{ apiKey: KeyJson }>(created.stdout);
    expect(apiKey).toEqual({ id: match.any(String), key: match.stringMatching(/^mk_/), scopes: ['members:read'] });
    expect((await lookup(server.url, apiKey.key, 'cli@example.com')).status).toBe(200);
    expect((await syncFailing(server.url, apiKey.key, { email: 'cli@example.com' })).status).toBe(403);

    const revoked = await admin('key', 'revoke', '--id', apiKey.id, '--json');
    expect(revoked.code).toBe(0);
    expect(json(revoked.stdout)).toEqual({
      apiKey: { id: apiKey.id, revokedAt: match.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    // The server trusts a key it read within the last second: revoked from another process, it is refused within 2 s.
    const revokedAt = Date.now();
    let status = 200;
    while (status !== 401 && Date.now() - revokedAt < 2000) {
      status = (await lookup(server.url, apiKey.key, 'cli@example.com')).status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(401);
  });

  it('org list, key list, key rotate, plan list and member list', async () => {
    const orgs = await admin('org', 'list', '--json');
    expect(orgs.code).toBe(0);
    expect(json<{ organizations: unknown[] }>(orgs.stdout).organizations).toContainEqual({
      id: organizationId,
      name: 'Acme',
      publicId: match.any(String),
      createdAt: match.any(String),
    });

    const keys = await admin('key', 'list', '--org', String(organizationId), '--json');
    const { apiKeys } = json<{ apiKeys: { id: string; name: string | null; lastUsedAt: string | null }[] }>(
      keys.stdout,
    );
    expect(apiKeys[0]).toEqual({
      id: match.any(String),
      name: null,
      scopes: match.arrayContaining(['admin']),
      createdAt: match.any(String),
      // The org's first key made a request above.
      lastUsedAt: match.stringMatching(/^\d{4}-/),
      revokedAt: null,
    });
    expect(keys.stdout).not.toContain('mk_');

    const named = json<{ apiKey: KeyJson }>(
      (
        await admin(
          'key',
          'create',
          '--org',
          String(organizationId),
          '--scopes',
          'members:read',
          '--name',
          'rotating',
          '--json',
        )
      ).stdout,
    ).apiKey;
    const rotated = await admin('key', 'rotate', '--id', named.id, '--json');
    expect(rotated.code).toBe(0);
    const out = json<{ apiKey: KeyJson; revoked: { id: string; revokedAt: string } }>(rotated.stdout);
    expect(out.apiKey).toEqual({
      id: match.any(String),
      key: match.stringMatching(/^mk_/),
      scopes: ['members:read'],
    });
    expect(out.revoked).toEqual({ id: named.id, revokedAt: match.any(String) });
    expect((await lookup(server.url, out.apiKey.key, 'cli@example.com')).status).toBe(200);
    const listed = json<{ apiKeys: { id: string; name: string | null; revokedAt: string | null }[] }>(
      (await admin('key', 'list', '--org', String(organizationId), '--json')).stdout,
    ).apiKeys;
    expect(listed.find((key) => key.id === out.apiKey.id)?.name).toBe('rotating');
    expect(listed.find((key) => key.id === named.id)?.revokedAt).not.toBeNull();
    const twice = await admin('key', 'rotate', '--id', named.id);
    expect(twice.code).toBe(1);
    expect(reasonLines(twice.stderr)).toEqual([match.stringContaining('was revoked')]);

    const plans = json<{ plans: { name: string }[] }>(
      (await admin('plan', 'list', '--org', String(organizationId), '--json')).stdout,
    );
    expect(plans.plans.map((plan) => plan.name)).toContain('Monthly');

    await sync(server.url, fullKey, { email: 'listed-by-cli@example.com' });
    const members = await admin(
      'member',
      'list',
      '--org',
      String(organizationId),
      '--q',
      'listed-by',
      '--limit',
      '5',
      '--json',
    );
    expect(json(members.stdout)).toEqual({
      members: [match.objectContaining({ email: 'listed-by-cli@example.com' })],
      nextCursor: null,
    });
    const badLimit = await admin('member', 'list', '--org', String(organizationId), '--limit', '500');
    expect(badLimit.code).toBe(1);
    expect(reasonLines(badLimit.stderr)).toHaveLength(1);
  });

  it('member erase EMAIL erases the member and prints the receipt, counts and never the data', async () => {
    const org = String(organizationId);
    for (const email of ['erased-by-cli@example.com', 'erased-json@example.com']) {
      const synced = await sync(server.url, fullKey, {
        email,
        access: { stripePriceId: 'price_cli' },
        payment: { jobId: randomUUID(), amount: 5, currency: 'USD' },
      });
      expect(synced.status).toBe(201);
    }

    const text = await admin('member', 'erase', 'Erased-By-CLI@example.com', '--org', org);
    expect(text.code).toBe(0);
    expect(text.stdout.trim()).toMatch(
      /^Erased member [0-9a-f-]{36}: 1 member, 1 subscription, 1 payment, 1 event payload scrubbed$/,
    );
    expect(text.stdout).not.toContain('erased-by-cli');
    expect((await lookup(server.url, fullKey, 'erased-by-cli@example.com')).status).toBe(404);

    const asJson = await admin('member', 'erase', 'erased-json@example.com', '--org', org, '--json');
    expect(asJson.code).toBe(0);
    expect(json(asJson.stdout)).toEqual({
      memberId: match.any(String),
      erased: match.objectContaining({ members: 1, subscriptions: 1, payments: 1, customers: 0 }),
    });

    // The audit trail names the command and the member, never the email it was given.
    const trail = await request<{ data: { actor: { kind: string }; surface: string; procedure: string }[] }>(
      `${server.url}/audit?actor=cli&procedure=${encodeURIComponent('admin member erase')}`,
      { key: fullKey },
    );
    expect(trail.body.data.map(({ actor, surface, procedure }) => [actor.kind, surface, procedure])).toEqual([
      ['cli', 'cli', 'admin member erase'],
      ['cli', 'cli', 'admin member erase'],
    ]);
    expect(JSON.stringify(trail.body)).not.toMatch(/erased-(by-cli|json)/i);

    const again = await admin('member', 'erase', 'erased-json@example.com', '--org', org);
    expect(again.code).toBe(1);
    expect(reasonLines(again.stderr)).toEqual(['admin: No member erased-json@example.com']);
    const noEmail = await admin('member', 'erase', '--org', org);
    expect(reasonLines(noEmail.stderr)).toEqual([
      "admin: member erase needs the member's email: member erase EMAIL --org ID",
    ]);
    const notAnEmail = await admin('member', 'erase', 'nobody', '--org', org);
    expect(notAnEmail.code).toBe(1);
    expect(reasonLines(notAnEmail.stderr)).toEqual([match.stringMatching(/^admin: EMAIL: /)]);
  });

  it('customer create makes a customer with its owner, served on the Polar surface', async () => {
    const result = await admin(
      'customer',
      'create',
      '--org',
      String(organizationId),
      '--email',
      'team@cli.example',
      '--name',
      'CLI team',
      '--external-id',
      'cli_team',
      '--type',
      'team',
      '--json',
    );
    expect(result.code).toBe(0);
    const { customer } = json<{ customer: { id: string } }>(result.stdout);
    expect(customer).toEqual({
      id: match.any(String),
      email: 'team@cli.example',
      name: 'CLI team',
      externalId: 'cli_team',
      type: 'team',
    });
    const owners = await request<{ items: { email: string; role: string }[] }>(
      `${server.url}/v1/members/?customer_id=${customer.id}`,
      { bearer: fullKey },
    );
    expect(owners.body.items).toEqual([match.objectContaining({ email: 'team@cli.example', role: 'owner' })]);
    const duplicate = await admin(
      'customer',
      'create',
      '--org',
      String(organizationId),
      '--email',
      'other@cli.example',
      '--external-id',
      'cli_team',
    );
    expect(duplicate.code).toBe(1);
    expect(reasonLines(duplicate.stderr)).toEqual([match.stringContaining('external ID')]);
    const sameEmail = await admin('customer', 'create', '--org', String(organizationId), '--email', 'TEAM@cli.example');
    expect(sameEmail.code).toBe(1);
    expect(reasonLines(sameEmail.stderr)).toEqual(['admin: A customer with this email address already exists.']);
    // None was kept from before emails were unique.
    const shared = await admin('customer', 'duplicates', '--org', String(organizationId), '--json');
    expect(shared.code).toBe(0);
    expect(json(shared.stdout)).toEqual({ duplicates: [] });
  });

  it('fails with a non-zero exit and one line of reason on stderr', async () => {
    const refused = [
      ['key', 'create', '--org', '999999', '--json'],
      ['key', 'create', '--org', String(organizationId), '--scopes', 'members:read,everything', '--json'],
      ['plan', 'create', '--org', String(organizationId), '--json'],
      ['key', 'revoke', '--id', 'not-an-id'],
      ['launch', 'rockets'],
      ['org', 'create', '--name', 'X', '--colour', 'blue'],
      ['customer', 'create', '--org', String(organizationId), '--email', 'nope'],
      ['customer', 'create', '--org', String(organizationId), '--email', 'a@b.example', '--type', 'family'],
    ];
    // Each is refused before it writes anything, so they can run side by side.
    const results = await Promise.all(refused.map((args) => admin(...args)));
    for (const [i, result] of results.entries()) {
      const args = refused[i] ?? [];
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(reasonLines(result.stderr), args.join(' ')).toHaveLength(1);
    }
  });

  it('says what is wrong in words an operator reads: no NaN, no SQL', async () => {
    const missingOrg = await admin('key', 'create', '--json');
    expect(reasonLines(missingOrg.stderr)).toEqual(['admin: --org is required']);
    const notANumber = await admin('plan', 'create', '--org', 'one', '--name', 'P');
    expect(reasonLines(notANumber.stderr)).toEqual(['admin: --org: must be a whole number']);

    const plan = ['plan', 'create', '--org', String(organizationId), '--name', 'Twice', '--json'];
    expect((await admin(...plan)).code).toBe(0);
    const duplicate = await admin(...plan);
    expect(duplicate.code).toBe(1);
    expect(reasonLines(duplicate.stderr)).toEqual([
      `admin: Organization ${organizationId} already has a plan with this name, Stripe price id or PayPal plan id`,
    ]);
  });

  it("webhook list and webhook deliveries show an organization's webhooks and what became of them", async () => {
    const subscribed = await fetch(`${server.url}/webhooks`, {
      method: 'POST',
      headers: { 'x-api-key': fullKey, 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'user.created', target_type: 'webhook', target_url: 'http://127.0.0.1:9/admin' }),
    });
    expect(subscribed.status).toBe(201);
    await fetch(`${server.url}/members/sync`, {
      method: 'POST',
      headers: { 'x-api-key': fullKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'watched@example.com' }),
    });
    const list = await admin('webhook', 'list', '--org', String(organizationId), '--json');
    expect(JSON.parse(list.stdout)).toEqual({
      webhooks: [
        match.objectContaining({ surface: 'kardow', url: 'http://127.0.0.1:9/admin', events: ['user.created'] }),
      ],
    });
    expect(list.stdout).not.toContain('secret');
    const deliveries = await admin('webhook', 'deliveries', '--org', String(organizationId), '--json');
    expect(JSON.parse(deliveries.stdout)).toEqual({
      deliveries: [match.objectContaining({ type: 'user.created', status: 'pending', attempts: 0 })],
    });
    const failed = await admin('webhook', 'deliveries', '--org', String(organizationId), '--failed', '--json');
    expect(JSON.parse(failed.stdout)).toEqual({ deliveries: [] });
  });
});
