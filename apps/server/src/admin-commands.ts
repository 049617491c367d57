import {
  apiKeyCreateInput,
  adminCustomer,
  organizationFlag,
  optionalOrganizationFlag,
  customerCreateAdminInput,
  apiKeyRevokeInput,
  organizationCreateInput,
  planCreateInput,
  memberListFlags,
  memberEraseFlags,
  receiptInWords,
  type IssuedApiKey,
} from '@members/contracts';
import {
  createCustomer,
  customersSharingEmails,
  createOrganization,
  createPlan,
  eraseMember,
  issueApiKey,
  listApiKeys,
  listMembers,
  listOrganizations,
  listPlans,
  rotateApiKey,
  listWebhookDeliveries,
  listWebhooks,
  organizationScope,
  pruneWebhooks,
  revokeApiKey,
  type CommandChange,
} from '@members/api';
import { existsSync } from 'node:fs';
import { backupSqlite, Member, openDatabase, rawQuery, type Database } from '@members/db';
import { auditRetentionDays, eventRetentionDays, retentionDays } from './config.js';
import { importMembers } from './import-members.js';
import { UsageError } from './usage-error.js';

type Flags = Record<string, string | undefined>;

/** One admin command: its `--json` object (the README's shape), the same for people, and how it exits (0 if unsaid). */
export interface AdminCommand {
  run(db: Database, flags: Flags): Promise<{ json: object; text: string; exitCode?: number; change?: CommandChange }>;
}

/** The names of the options a command was given (never their values), and of its argument: its entry's fields. */
const given = (flags: Flags, argument?: string) => [
  ...Object.keys(flags).filter((name) => flags[name] !== undefined && name !== 'argument' && name !== 'json'),
  ...(argument && flags.argument !== undefined ? [argument] : []),
];

/** The organization of an API key, for the entry of a command that names the key alone. */
async function organizationOfKey(db: Database, id: string): Promise<number> {
  const [row] = await rawQuery<{ organization_id: number }>(
    db.fork(),
    'select organization_id from api_key where id = ?',
    [id],
  );
  if (!row) throw new Error(`no API key ${id}`);
  return Number(row.organization_id);
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

/** Failed rows the text output lists before it counts the rest (`--json` lists every one). */
const shownFailures = 20;

/** The format a file's extension names; anything else needs `--format`. */
function formatOf(file: string): string {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  throw new UsageError(`cannot tell the format of ${file} from its extension: pass --format csv or --format jsonl`);
}

const keyText = (apiKey: IssuedApiKey) =>
  `API key ${apiKey.id} (${apiKey.scopes.join(', ')}), shown only now:\n${apiKey.key}`;

export const adminCommands: Record<string, AdminCommand> = {
  'org create': {
    async run(db, flags) {
      const input = organizationCreateInput.parse({ name: flags.name });
      const json = await createOrganization(db.fork(), input.name);
      return {
        json,
        text: `Organization ${json.organization.id} "${json.organization.name}"\n${keyText(json.apiKey)}`,
        change: {
          organizationId: json.organization.id,
          records: [
            { type: 'organization', id: String(json.organization.id) },
            { type: 'apiKey', id: json.apiKey.id },
          ],
          fields: given(flags),
        },
      };
    },
  },
  'key create': {
    async run(db, flags) {
      const input = apiKeyCreateInput.parse({
        organizationId: flags.org,
        scopes: list(flags.scopes),
        name: flags.name,
      });
      const apiKey = await issueApiKey(db.fork(), input.organizationId, input.scopes, input.name);
      const records = [{ type: 'apiKey', id: apiKey.id }];
      return {
        json: { apiKey },
        text: keyText(apiKey),
        change: { organizationId: input.organizationId, records, fields: given(flags) },
      };
    },
  },
  backup: {
    async run(db, flags) {
      // The command line requires it.
      const file = flags.argument ?? '';
      if (db.dialect !== 'sqlite') {
        throw new UsageError(
          'backup copies the SQLite database; on PostgreSQL use pg_dump (e.g. pg_dump -Fc "$DATABASE_URL")',
        );
      }
      const written = await backupSqlite(db, file);
      // Read back from the copy itself: what an operator restoring it would find.
      const copy = await openDatabase(`file:${written.path}`);
      try {
        const [check] = await rawQuery<{ integrity_check: string }>(copy.fork(), 'pragma integrity_check', []);
        if (check?.integrity_check !== 'ok')
          throw new Error(`the copy failed its integrity check: ${check?.integrity_check}`);
        const members = await copy.fork().count(Member, {});
        const backup = { path: written.path, bytes: written.bytes, members };
        return { json: { backup }, text: `Wrote ${written.path}: ${written.bytes} bytes, ${members} members` };
      } finally {
        await copy.close();
      }
    },
  },
  'org list': {
    async run(db) {
      const organizations = await listOrganizations(db.fork());
      const lines = organizations.map((o) => `${o.id} "${o.name}" (${o.publicId}), created ${o.createdAt}`);
      return { json: { organizations }, text: lines.join('\n') || 'No organizations' };
    },
  },
  'key list': {
    async run(db, flags) {
      const { organizationId } = organizationFlag.parse({ organizationId: flags.org });
      const apiKeys = await listApiKeys(await organizationScope(db, organizationId));
      const lines = apiKeys.map(
        (k) =>
          `${k.id} ${k.name ?? '(no name)'} [${k.scopes.join(', ')}] created ${k.createdAt}, last used ${k.lastUsedAt ?? 'never'}${k.revokedAt ? `, REVOKED ${k.revokedAt}` : ''}`,
      );
      return { json: { apiKeys }, text: lines.join('\n') || 'No API keys' };
    },
  },
  'key rotate': {
    async run(db, flags) {
      const input = apiKeyRevokeInput.parse({ id: flags.id });
      const rotated = await rotateApiKey(db, input.id);
      const records = [
        { type: 'apiKey', id: rotated.revoked.id },
        { type: 'apiKey', id: rotated.apiKey.id },
      ];
      return {
        json: rotated,
        text: `Revoked API key ${rotated.revoked.id}.\n${keyText(rotated.apiKey)}`,
        change: { organizationId: await organizationOfKey(db, input.id), records, fields: given(flags) },
      };
    },
  },
  'plan list': {
    async run(db, flags) {
      const { organizationId } = organizationFlag.parse({ organizationId: flags.org });
      const plans = await listPlans(await organizationScope(db, organizationId));
      const lines = plans.map(
        (p) =>
          `${p.id} "${p.name}" stripe=${p.stripePriceId ?? '-'} paypal=${p.paypalPlanId ?? '-'} jobs=${p.jobsIncluded ?? '-'}`,
      );
      return { json: { plans }, text: lines.join('\n') || 'No plans' };
    },
  },
  'member list': {
    async run(db, flags) {
      const { organizationId, ...options } = memberListFlags.parse({
        organizationId: flags.org,
        q: flags.q,
        limit: flags.limit,
        cursor: flags.cursor,
      });
      const page = await listMembers(await organizationScope(db, organizationId), options);
      const lines = page.data.map((m) => `${m.id} ${m.email} "${m.name}" ${m.role} ${m.approvalStatus}`);
      const more = page.nextCursor ? [`more: --cursor ${page.nextCursor}`] : [];
      return {
        json: { members: page.data, nextCursor: page.nextCursor },
        text: [...lines, `${page.data.length} of ${page.totalCount}`, ...more].join('\n'),
      };
    },
  },
  'member erase': {
    async run(db, flags) {
      const input = memberEraseFlags.parse({ organizationId: flags.org, memberEmail: flags.argument });
      const scope = await organizationScope(db, input.organizationId);
      const { memberId, erased } = await eraseMember(scope, { email: input.memberEmail });
      return {
        json: { memberId, erased },
        text: `Erased member ${memberId}: ${receiptInWords(erased)}`,
        change: {
          organizationId: input.organizationId,
          records: [{ type: 'member', id: memberId }],
          fields: given(flags, 'email'),
        },
      };
    },
  },
  'key revoke': {
    async run(db, flags) {
      const input = apiKeyRevokeInput.parse({ id: flags.id });
      const apiKey = await revokeApiKey(db, input.id);
      return {
        json: { apiKey },
        text: `Revoked API key ${apiKey.id} at ${apiKey.revokedAt}`,
        change: {
          organizationId: await organizationOfKey(db, apiKey.id),
          records: [{ type: 'apiKey', id: apiKey.id }],
          fields: given(flags),
        },
      };
    },
  },
  'plan create': {
    async run(db, flags) {
      const { organizationId, ...input } = planCreateInput.parse({
        organizationId: flags.org,
        name: flags.name,
        stripePriceId: flags['stripe-price-id'],
        paypalPlanId: flags['paypal-plan-id'],
        jobsIncluded: flags.jobs,
      });
      const plan = await createPlan(await organizationScope(db, organizationId), input);
      return {
        json: { plan },
        text: `Plan ${plan.id} "${plan.name}"`,
        change: { organizationId, records: [{ type: 'plan', id: plan.id }], fields: given(flags) },
      };
    },
  },
  'customer create': {
    async run(db, flags) {
      const input = customerCreateAdminInput.parse({
        organizationId: flags.org,
        email: flags.email,
        name: flags.name,
        externalId: flags['external-id'],
        type: flags.type,
      });
      const { organizationId, ...fields } = input;
      const created = await createCustomer(await organizationScope(db, organizationId), fields);
      const customer = adminCustomer.parse(created);
      return {
        json: { customer },
        text: `Customer ${customer.id} (${customer.type}) with owner ${customer.email}`,
        change: { organizationId, records: [{ type: 'customer', id: customer.id }], fields: given(flags) },
      };
    },
  },
  'customer duplicates': {
    async run(db, flags) {
      const { organizationId } = optionalOrganizationFlag.parse({ organizationId: flags.org });
      const duplicates = await customersSharingEmails(db, organizationId);
      const lines = duplicates.map(
        (group) =>
          `org ${group.organizationId} ${group.email}: ${group.customers.map((c) => `${c.id} (${c.createdAt})`).join(', ')}`,
      );
      return {
        json: { duplicates },
        text:
          lines.length > 0
            ? [...lines, `${lines.length} emails shared, oldest customer first`].join('\n')
            : 'No customers share an email',
      };
    },
  },
  'webhook list': {
    async run(db, flags) {
      const { organizationId } = organizationFlag.parse({ organizationId: flags.org });
      const webhooks = await listWebhooks(await organizationScope(db, organizationId));
      const lines = webhooks.map(
        (w) => `${w.id} ${w.surface} ${w.enabled ? 'enabled' : 'DISABLED'} ${w.events.join(',')} -> ${w.url}`,
      );
      return { json: { webhooks }, text: lines.join('\n') || 'No webhooks' };
    },
  },
  'webhook prune': {
    async run(db, flags) {
      const days = retentionDays(flags.days);
      const eventDays = eventRetentionDays();
      const auditDays = auditRetentionDays();
      const pruned = await pruneWebhooks(db, days, { eventRetentionDays: eventDays, auditRetentionDays: auditDays });
      const text =
        `Pruned ${pruned.deliveries} deliveries and ${pruned.attempts} attempts older than ${days} days, ` +
        `${pruned.events} events older than ${eventDays} days, and ${pruned.auditEntries} audit entries older than ${auditDays} days`;
      return { json: { pruned }, text };
    },
  },
  'webhook deliveries': {
    async run(db, flags) {
      const { organizationId } = organizationFlag.parse({ organizationId: flags.org });
      const deliveries = await listWebhookDeliveries(
        await organizationScope(db, organizationId),
        flags.failed === 'true',
      );
      const lines = deliveries.map(
        (d) => `${d.createdAt} ${d.status} ${d.type} attempts=${d.attempts} http=${d.lastHttpCode ?? '-'} -> ${d.url}`,
      );
      return { json: { deliveries }, text: lines.join('\n') || 'No deliveries' };
    },
  },
  import: {
    async run(db, flags) {
      const { organizationId } = organizationFlag.parse({ organizationId: flags.org });
      const file = flags.argument ?? '';
      const format = flags.format ?? formatOf(file);
      if (format !== 'csv' && format !== 'jsonl') throw new UsageError('--format must be csv or jsonl');
      if (!existsSync(file)) throw new UsageError(`no file ${file}`);
      const summary = await importMembers(() => organizationScope(db, organizationId), file, format, {
        progress: process.stderr.isTTY && flags.json !== 'true',
      });
      const failures = summary.failures.map((f) => `line ${f.line}: ${f.status} ${f.code}: ${f.message}`);
      const rest =
        failures.length > shownFailures ? [`... and ${failures.length - shownFailures} more failed rows`] : [];
      return {
        json: summary,
        text: [
          `Imported ${summary.rows} rows: ${summary.created} created, ${summary.updated} updated, ${summary.failed} failed`,
          ...failures.slice(0, shownFailures),
          ...rest,
        ].join('\n'),
        // 2: it ran, and some rows were not written (a script can tell that from a run that could not start, 1).
        exitCode: summary.failed > 0 ? 2 : 0,
        // The rows' members are many: the entry says the import ran, and the options it was given.
        change: { organizationId, records: [], fields: given(flags, 'file') },
      };
    },
  },
};
