import type { AuditActorKind, AuditEntry, AuditList, AuditListInput, AuditSurface } from '@members/contracts';
import { rawQuery, rowDate } from '@members/db';
import type { RequestScope } from '../request-scope.js';

interface EntryRow {
  id: string | number;
  at: string | number | Date;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  actor_name: string | null;
  surface: AuditSurface;
  request_id: string | null;
  procedure: string;
  records: string | AuditEntry['records'];
  fields: string | string[];
}

/** jsonb comes back parsed from PostgreSQL, JSON text from SQLite. */
const parsed = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** `audit.list` and `GET /audit`: the organization's trail, newest first, filtered, a page at a time. */
export async function listAudit(scope: RequestScope, input: AuditListInput): Promise<AuditList> {
  const postgres = scope.dialect === 'postgresql';
  const where = ['organization_id = ?'];
  const values: (string | number | Date)[] = [scope.organization.id];
  const filter = (sql: string, value: string | number | Date) => {
    where.push(sql);
    values.push(value);
  };
  if (input.after) filter('id < ?', input.after);
  if (input.actor) {
    if (input.actor === 'cli') where.push("actor_kind = 'cli'");
    else filter('actor_id = ?', input.actor);
  }
  if (input.procedure) filter('procedure = ?', input.procedure);
  if (input.since) filter('at >= ?', new Date(input.since));
  if (input.until) filter('at < ?', new Date(input.until));
  if (input.record) {
    if (postgres) filter('records @> ?::jsonb', JSON.stringify([{ id: input.record }]));
    else filter("exists (select 1 from json_each(records) where json_extract(value, '$.id') = ?)", input.record);
  }
  const rows = await rawQuery<EntryRow>(
    scope.em,
    `select * from audit_entry where ${where.join(' and ')} order by id desc limit ?`,
    [...values, input.limit],
  );
  const data = rows.map(
    (row): AuditEntry => ({
      id: String(row.id),
      at: rowDate(row.at).toISOString(),
      actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
      surface: row.surface,
      requestId: row.request_id,
      procedure: row.procedure,
      records: parsed(row.records),
      fields: parsed(row.fields),
    }),
  );
  return { data, nextCursor: data.length === input.limit ? (data.at(-1)?.id ?? null) : null };
}
