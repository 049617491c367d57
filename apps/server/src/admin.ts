/**
 * The admin command line, on the same DATABASE_URL as the server:
 *   npm run --silent admin -- <command> [options] [--json]
 * With --json each command prints exactly one JSON object on stdout; a failure exits 1 with one line on stderr.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError } from '@members/api';
import { openDatabase, type Database } from '@members/db';
import { adminCommands, type AdminCommand } from './admin-commands.js';

const usage = `usage: admin <command> [options] [--json]
  org create --name N
  key create --org ID [--scopes a,b] [--name LABEL]
  key revoke --id ID
  plan create --org ID --name N [--stripe-price-id P] [--paypal-plan-id P] [--jobs N]
  customer create --org ID --email E [--name N] [--external-id X] [--type team]`;

class UsageError extends Error {}
class HelpRequested extends Error {}

function parse(argv: string[]): { command: AdminCommand; values: Record<string, string | undefined>; json: boolean } {
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
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new HelpRequested();
  const command = adminCommands[positionals.join(' ')];
  if (!command) {
    throw new UsageError(
      `unknown command "${positionals.join(' ')}" (commands: ${Object.keys(adminCommands).join(', ')}; --help for options)`,
    );
  }
  const { json, help: _help, ...rest } = values;
  return { command, values: rest, json: json ?? false };
}

/** Schema fields as the flags the operator typed. */
const flagOf: Record<string, string> = {
  organizationId: '--org',
  jobsIncluded: '--jobs',
  stripePriceId: '--stripe-price-id',
  paypalPlanId: '--paypal-plan-id',
  externalId: '--external-id',
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
  if (error instanceof AppError || error instanceof UsageError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'failed';
  return String(error);
}

let db: Database | undefined;
try {
  const { command, values, json } = parse(process.argv.slice(2));
  db = await openDatabase(process.env.DATABASE_URL, { migrate: true });
  const output = await command.run(db.fork(), values);
  console.log(json ? JSON.stringify(output.json) : output.text);
  process.exitCode = 0;
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
