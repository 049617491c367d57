/**
 * The admin command line, on the same DATABASE_URL as the server:
 *   npm run --silent admin -- <command> [options] [--json]
 * With --json each command prints exactly one JSON object on stdout; a failure exits 1 with one line on stderr.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DomainError, writeCommandEntry } from '@members/api';
import { DriverException, isDatabaseUnavailable, openDatabase, type Database } from '@members/db';
import { adminCommands, type AdminCommand } from './admin-commands.js';
import { ConfigError, readDatabaseConfig } from './config.js';
import { UsageError } from './usage-error.js';

const usage = `usage: admin <command> [options] [--json]
  org create --name N
  org list
  key create --org ID [--scopes a,b] [--name LABEL]
  key list --org ID
  key rotate --id ID
  key revoke --id ID
  plan create --org ID --name N [--stripe-price-id P] [--paypal-plan-id P] [--jobs N]
  plan list --org ID
  member list --org ID [--q TEXT] [--limit N] [--cursor C]
  member erase EMAIL --org ID   (the member, its subscriptions and payments, and every copy: prints counts)
  customer create --org ID --email E [--name N] [--external-id X] [--type team]
  customer duplicates [--org ID]   (customers kept sharing an email from before emails were unique)
  webhook list --org ID
  webhook deliveries --org ID [--failed]
  webhook prune [--days N]   (what the server's retention deletes, now; N defaults to WEBHOOK_RETENTION_DAYS or 30;
                              events no delivery needs go after EVENT_RETENTION_DAYS, 30 unless set)
  import FILE --org ID [--format csv|jsonl]   (exits 0 when every row was written, 2 when some failed)
  backup FILE   (SQLite: a consistent copy while the server runs; on PostgreSQL, use pg_dump)`;

class HelpRequested extends Error {}

/** The commands with an argument of their own, and how to tell an operator who left it out. */
const argumentOf = [
  { command: 'import', what: 'the file to read', usage: 'import FILE --org ID' },
  { command: 'backup', what: 'the file to write', usage: 'backup FILE' },
  { command: 'member erase', what: "the member's email", usage: 'member erase EMAIL --org ID' },
];

function parse(argv: string[]): {
  name: string;
  command: AdminCommand;
  values: Record<string, string | undefined>;
  json: boolean;
} {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      org: { type: 'string' },
      scopes: { type: 'string' },
      id: { type: 'string' },
      'stripe-price-id': { type: 'string' },
      'paypal-plan-id': { type: 'string' },
      jobs: { type: 'string' },
      email: { type: 'string' },
      'external-id': { type: 'string' },
      type: { type: 'string' },
      failed: { type: 'boolean', default: false },
      format: { type: 'string' },
      q: { type: 'string' },
      limit: { type: 'string' },
      cursor: { type: 'string' },
      days: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new HelpRequested();
  // The commands with an argument of their own take it last.
  const named = argumentOf.find(({ command }) => positionals.slice(0, -1).join(' ') === command);
  const name = named ? named.command : positionals.join(' ');
  const argument = named ? positionals.at(-1) : undefined;
  const missing = argumentOf.find(({ command }) => command === name && argument === undefined);
  if (missing) throw new UsageError(`${missing.command} needs ${missing.what}: ${missing.usage}`);
  const command = adminCommands[name];
  if (!command) {
    throw new UsageError(
      `unknown command "${positionals.join(' ')}" (commands: ${Object.keys(adminCommands).join(', ')}; --help for options)`,
    );
  }
  const { json, help: _help, failed, ...rest } = values;
  return {
    name,
    command,
    values: {
      ...rest,
      argument,
      failed: failed ? 'true' : undefined,
      json: json ? 'true' : undefined,
    },
    json,
  };
}

/** Schema fields as the flags the operator typed. */
const flagOf: Record<string, string> = {
  organizationId: '--org',
  jobsIncluded: '--jobs',
  stripePriceId: '--stripe-price-id',
  paypalPlanId: '--paypal-plan-id',
  externalId: '--external-id',
  memberEmail: 'EMAIL',
};

function reason(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .map((issue) => {
        const field = String(issue.path[0] ?? 'input');
        const flag = flagOf[field] ?? `--${field}`;
        return issue.message.endsWith('received undefined') ? `${flag} is required` : `${flag}: ${issue.message}`;
      })
      .join('; ');
  }
  if (error instanceof DomainError || error instanceof UsageError || error instanceof ConfigError) return error.message;
  if (isDatabaseUnavailable(error)) return 'the database cannot be reached (check DATABASE_URL)';
  // Anything else from the database would quote SQL: say what kind of failure it was, not the statement.
  if (error instanceof DriverException) return `the database refused the change (${error.name})`;
  // The driver's own errors (raw SQL goes around the ORM) begin with the statement: name the code instead.
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (typeof code === 'string') return `the database refused the change (${code})`;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'failed';
  return String(error);
}

let db: Database | undefined;
try {
  const { name, command, values, json } = parse(process.argv.slice(2));
  const { databaseUrl, databaseDirectUrl } = readDatabaseConfig();
  db = await openDatabase(databaseUrl, { migrate: true, directUrl: databaseDirectUrl });
  const output = await command.run(db, values);
  if (output.change) await writeCommandEntry(db, name, output.change);
  console.log(json ? JSON.stringify(output.json) : output.text);
  process.exitCode = output.exitCode ?? 0;
} catch (error) {
  if (error instanceof HelpRequested) {
    console.log(usage);
  } else {
    // One line, so scripts can show it as it is.
    console.error(`admin: ${reason(error).replace(/\s*\n\s*/g, ' ')}`);
    process.exitCode = 1;
  }
} finally {
  await db?.close();
}
