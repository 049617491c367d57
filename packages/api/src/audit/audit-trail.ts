import type { AuditRecord } from '@members/contracts';
import type { AuditFrame } from './audit-frame.js';
import { rawQuery, type Database, type Statement } from '@members/db';
import type { RequestScope } from '../request-scope.js';

const columns =
  'organization_id, at, actor_kind, actor_id, actor_name, surface, request_id, procedure, records, fields';

/**
 * The entry's values before its records, in the order of `columns`. Its time is a Date on both databases: the
 * statement's sender binds it as SQLite keeps MikroORM's times, in epoch milliseconds.
 */
function valuesOf(organizationId: number, frame: AuditFrame) {
  return [
    organizationId,
    new Date(),
    frame.actor.kind,
    frame.actor.id,
    frame.actor.name,
    frame.surface,
    frame.requestId,
    frame.procedure,
  ];
}

/**
 * The frame of the scope's call, if its entry is still to be written and `byChange` may write it; marks it written.
 * A change's own statements write it only for a procedure that `writesItsAudit`: inside another (a batch's members
 * synced one run at a time) the entry waits for `invoke`, which lists every record.
 */
function claim(scope: RequestScope, byChange: boolean): AuditFrame | null {
  const frame = scope.audit;
  if (!frame || frame.written || (byChange && !frame.withChange)) return null;
  frame.written = true;
  return frame;
}

/**
 * The call's entry as a statement to send with its change (`writeTogether`), or null when the call has no entry to
 * write (not a change, or written already).
 */
export function auditStatement(scope: RequestScope, records: readonly AuditRecord[]): Statement | null {
  return entryStatement(claim(scope, true), scope.organization.id, records);
}

function entryStatement(
  frame: AuditFrame | null,
  organizationId: number,
  records: readonly AuditRecord[],
): Statement | null {
  if (!frame) return null;
  return {
    sql: `insert into audit_entry (${columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    values: [...valuesOf(organizationId, frame), JSON.stringify(records), JSON.stringify(frame.fields)],
  };
}

/** Writes the call's entry in the change's transaction, for a procedure that `writesItsAudit`. */
export async function writeAuditWithChange(scope: RequestScope, records: readonly AuditRecord[]): Promise<void> {
  await send(scope, auditStatement(scope, records));
}

/** `invoke`: writes the call's entry in the scope's transaction, unless the change wrote it. */
export async function writeAudit(scope: RequestScope, records: readonly AuditRecord[]): Promise<void> {
  await send(scope, entryStatement(claim(scope, false), scope.organization.id, records));
}

async function send(scope: RequestScope, statement: Statement | null): Promise<void> {
  if (statement) await rawQuery(scope.em, statement.sql, statement.values);
}

/**
 * PostgreSQL: the call's entry as a part of a `with` statement whose `upserted` rows are members, its records those
 * members' ids, with the values it takes (after the statement's own); null when there is none to write.
 */
export function auditedMembersCte(scope: RequestScope): Statement | null {
  const frame = claim(scope, true);
  if (!frame) return null;
  return {
    sql: `audited as (
  insert into audit_entry (${columns})
  select ?, ?, ?, ?, ?, ?, ?, ?,
    coalesce((select jsonb_agg(jsonb_build_object('type', 'member', 'id', "id")) from upserted), '[]'::jsonb), ?::jsonb
)`,
    values: [...valuesOf(scope.organization.id, frame), JSON.stringify(frame.fields)],
  };
}

/** What an admin command changed in an organization: its entry's records and the names of the options it set. */
export interface CommandChange {
  organizationId: number;
  records: AuditRecord[];
  fields: string[];
}

/**
 * The entry of an admin command (`admin member erase`), written once the command has made its change: the commands
 * call the services as they are, each with its own transactions, so the entry follows the change rather than
 * sharing its commit.
 */
export async function writeCommandEntry(db: Database, command: string, change: CommandChange): Promise<void> {
  const frame: AuditFrame = {
    actor: { kind: 'cli', id: null, name: null },
    surface: 'cli',
    requestId: null,
    procedure: `admin ${command}`,
    fields: change.fields,
    withChange: false,
    written: true,
  };
  const statement = entryStatement(frame, change.organizationId, change.records);
  if (statement) await rawQuery(db.fork(), statement.sql, statement.values);
}
