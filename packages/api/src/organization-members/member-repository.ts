import { auditedMembersCte } from '../audit/audit-trail.js';
import {
  encodeMemberCursor,
  jsonObject,
  looseUuid,
  type JsonObject,
  type MemberList,
  type MemberListInput,
  type MemberSyncInput,
  type OrganizationMember,
} from '@members/contracts';
import { Member, rawQuery, rowDate, type Literal, type Statement } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { foldIfCrowded, surplusRows } from '../tally.js';
import { mergeCustomFields } from './custom-fields.js';
import { fields, memberColumns, memberFromRow, type MemberRow, type Settable } from './member-columns.js';

/**
 * Every query of the `member` table (and of `member_tally`, the count its triggers keep), so the services keep only
 * Kardow's rules. How each field is stored is `member-columns.ts`.
 */

const idIndex = fields.indexOf('id');
/** Columns the database keeps beside the contract's fields. */
const timestamps = ['created_at', 'updated_at'] as const;

/**
 * Inserts each input's member, or on (organization, email) sets the fields in `set` (sent alike by every input)
 * on the existing one, as one INSERT … ON CONFLICT DO UPDATE … RETURNING. `updated_at` moves only when a value
 * really changes (`changed`), and the id we proposed tells who created the row. Concurrent upserts of one new
 * email create it once: the later insert waits on the first and updates the row it made. With nothing to set, the
 * update is a no-op that still returns (and on PostgreSQL locks) the existing row. Emails must be distinct: one
 * statement cannot touch a row twice. `storedFields`: custom fields already merged with the stored ones (SQLite),
 * by email; without it PostgreSQL's `||` merges them.
 */
export async function upsertRows(
  tx: RequestScope,
  inputs: readonly MemberSyncInput[],
  options: UpsertOptions & {
    /** PostgreSQL: the same statement logs each member's `user.created` or `user.updated` (see `loggedUpsertSql`). */
    logged?: boolean;
  },
): Promise<UpsertResult[]> {
  const upsert = upsertStatement(tx, inputs, options);
  if (!options.logged) return upsert.read(await rawQuery<UpsertedRow>(tx.em, upsert.sql, upsert.values));
  const now = new Date();
  // The ids it proposed, as one PostgreSQL array literal: an id among them was created.
  const values = [...upsert.values, now.toISOString(), now, `{${[...upsert.proposed].join(',')}}`];
  const audited = auditedMembersCte(tx);
  const sql = loggedUpsertSql(upsert.sql, audited?.sql);
  return upsert.read(await rawQuery<UpsertedRow>(tx.em, sql, [...values, ...(audited?.values ?? [])]));
}

interface UpsertOptions {
  set: readonly Settable[];
  storedFields?: Map<string, OrganizationMember['customFields']> | undefined;
}
export type UpsertedRow = MemberRow & { touched: boolean | number };
export interface UpsertResult {
  row: MemberRow;
  created: boolean;
  changed: boolean;
}

/** The upsert of `upsertRows` as a statement to send (`writeTogether` sends it with its events), and how to read it. */
export function upsertStatement(
  tx: RequestScope,
  inputs: readonly MemberSyncInput[],
  options: UpsertOptions,
): Statement & { proposed: Set<string>; read(rows: UpsertedRow[]): UpsertResult[] } {
  const postgres = tx.dialect === 'postgresql';
  // MikroORM stores SQLite datetimes as epoch milliseconds.
  const now = new Date();
  const timestamp = postgres ? now : now.getTime();
  const proposed = new Set<string>();
  const params = inputs.flatMap((input) => {
    const values = fields.map((field) => {
      if (field === 'customFields' && options.storedFields) {
        return mergeCustomFields(options.storedFields.get(input.email) ?? null, input.customFields);
      }
      return memberColumns[field].initial(input, tx.organization);
    });
    proposed.add(values[idIndex] as string);
    return [
      ...values.map((value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : value)),
      ...timestamps.map(() => timestamp),
    ];
  });
  // PostgreSQL merges a custom-fields patch that removes no key into the stored object in the statement.
  const mergesFields = inputs[0]?.customFields !== null && !options.storedFields;
  return {
    sql: upsertSql(inputs.length, options.set, mergesFields),
    values: [...params, timestamp] as Literal[],
    proposed,
    read: (rows) =>
      rows.map(({ touched, ...stored }) => {
        const created = proposed.has(String(stored.id));
        return { row: stored, created, changed: !created && Boolean(touched) };
      }),
  };
}

/** An upserted row as the unit of work's entity, for a sync that goes on to change it. */
export const entityOf = (scope: RequestScope, row: MemberRow): Member => scope.em.map(Member, row);

/**
 * The stored custom fields of the members with these emails, read in the upsert's transaction. One parameter an
 * email: within SQLite's bound whenever the upsert of the same run (one a column, an item) is.
 */
export async function storedCustomFields(tx: RequestScope, emails: string[]): Promise<Map<string, JsonObject | null>> {
  const rows = await rawQuery<{ email: string; custom_fields: string | null }>(
    tx.em,
    `select email, custom_fields from member where organization_id = ? and email in (${emails.map(() => '?').join(', ')})`,
    [tx.organization.id, ...emails],
  );
  return new Map(rows.map((row) => [row.email, row.custom_fields === null ? null : parseFields(row.custom_fields)]));
}

const parseFields = (text: string) => jsonObject.parse(JSON.parse(text));

/** A member by id or by email (stored lower-cased), locked until commit on PostgreSQL when `lock`. */
export const findOne = (
  scope: RequestScope,
  where: { id: string } | { email: string },
  options: { lock?: boolean } = {},
) =>
  scope.em.findOne(
    Member,
    { ...where, organization: scope.organization.id },
    options.lock ? { lockMode: scope.writeLock } : {},
  );

/** A member by Kardow's lookup: a uuid is an id, anything else an email (case-insensitive). */
export function findByLookup(scope: RequestScope, lookup: string) {
  const id = looseUuid.safeParse(lookup);
  return findOne(scope, id.success ? { id: id.data } : { email: lookup.toLowerCase() });
}

/** Whether a member of the organization has this email. */
export const emailTaken = async (scope: RequestScope, email: string) =>
  (await scope.em.count(Member, { organization: scope.organization.id, email })) > 0;

/** Deletes a member; its subscriptions and payments go with it (ON DELETE CASCADE). */
export const deleteById = (scope: RequestScope, id: string) =>
  scope.em.nativeDelete(Member, { id, organization: scope.organization.id });

const columns = [...fields.map((field) => memberColumns[field].column), ...timestamps];
const rowPlaceholders = `(${columns.map(() => '?').join(', ')})`;

/** Each shape's statement, written once: a sync of one member is the same text every time. */
const upsertStatements = new Map<string, string>();

/**
 * The upsert of `count` members that sets `set` on a conflict (see `upsertRows`); with `mergesFields`, a sent
 * custom-fields object is merged into the stored one by jsonb's `||`.
 */
function upsertSql(count: number, set: readonly Settable[], mergesFields: boolean): string {
  const key = `${count} ${set.join(',')} ${mergesFields}`;
  const known = upsertStatements.get(key);
  if (known !== undefined) return known;
  const newValue = (field: Settable) => {
    const { column } = memberColumns[field];
    if (field === 'customFields' && mergesFields)
      return `coalesce("member"."${column}", '{}'::jsonb) || excluded."${column}"`;
    return `excluded."${column}"`;
  };
  const changes = set.map((field) => `"member"."${memberColumns[field].column}" is distinct from ${newValue(field)}`);
  const assignments = [
    ...set.map((field) => `"${memberColumns[field].column}" = ${newValue(field)}`),
    changes.length > 0
      ? `"updated_at" = case when ${changes.join(' or ')} then excluded."updated_at" else "member"."updated_at" end`
      : `"email" = excluded."email"`,
  ];
  const sql =
    `insert into "member" (${columns.map((column) => `"${column}"`).join(', ')}) values ` +
    Array.from({ length: count }, () => rowPlaceholders).join(', ') +
    ` on conflict ("organization_id", "email") do update set ${assignments.join(', ')}` +
    // `touched`: stamped by this statement (drivers differ in how they return a timestamp; the database does not).
    ` returning *, "updated_at" = ? as "touched"`;
  // Batches come in many sizes: the one-member shapes, the hot ones, are few.
  if (count === 1) upsertStatements.set(key, sql);
  return sql;
}

/**
 * The upsert with its events, as one statement (PostgreSQL): each member it created or changed gets its `user.created`
 * or `user.updated` in the event log, with the member as `memberFromRow` reads it, and nothing else to wait for: a
 * sync that no webhook hears costs one round trip, its event and its audit entry (`auditedMembersCte`) included. Its
 * parameters after the upsert's: the event's timestamp (ISO), the time written, the ids the upsert proposed (an id
 * among them was created), then the audit entry's.
 */
const loggedUpsertSql = (upsert: string, audited: string | undefined) => `with upserted as (${upsert}),
logged as (
  insert into webhook_event (id, organization_id, surface, type, payload, ordering_key, created_at)
  select gen_random_uuid(), "organization_id", 'kardow', "event",
    json_build_object('event', "event", 'timestamp', ?::text, 'data', json_build_object('member', json_build_object(
      'id', "id", 'organizationId', "organization_id", 'email', "email", 'name', "name", 'role', "role",
      'approvalStatus', "approval_status", 'profilePicture', "profile_picture", 'description', "description",
      'customFields', "custom_fields")))::text,
    "id", ?
  from (select upserted.*, case when "id" = any(?::uuid[]) then 'user.created' else 'user.updated' end as "event"
        from upserted where "touched") as changed
)${audited ? `,\n${audited}` : ''}
select * from upserted`;

type Value = string | number | Date;

/** `%` and `_` in a search are the caller's characters, not patterns. */
const likeSubstring = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The role and approval filters, which the tally can count by, and the search, which it cannot. */
function filtersOf(input: MemberListInput) {
  const counted: string[] = [];
  const countedParams: Value[] = [];
  if (input.role !== undefined) {
    counted.push('role = ?');
    countedParams.push(input.role);
  }
  if (input.approvalStatus !== undefined) {
    counted.push('approval_status = ?');
    countedParams.push(input.approvalStatus);
  }
  const search = input.q === undefined ? null : likeSubstring(input.q);
  // Emails are stored lower-cased; names as given.
  const all = search ? [...counted, `(email like ? escape '\\' or lower(name) like ? escape '\\')`] : counted;
  return {
    counted,
    countedParams,
    search,
    all,
    allParams: search ? [...countedParams, search, search] : countedParams,
  };
}

/**
 * The organization's members, newest first (`created_at`, then `id`, descending), a page after a cursor. The page
 * walks the index on `(organization_id, created_at, id)` from the cursor, so a page deep in a million members costs
 * what the first costs; members created while a caller pages arrive above its cursor, so it meets no duplicate and
 * no gap. The total comes from `member_tally` (kept by triggers) unless a search needs the rows counted.
 */
export async function page(scope: RequestScope, input: MemberListInput): Promise<MemberList> {
  const filters = filtersOf(input);
  const { cursor } = input;
  // A row value, which both databases read as one range of the index; the same test spelt with OR is a scan from
  // the newest member down to the cursor on SQLite.
  const after = cursor ? ['(created_at, id) < (?, ?)'] : [];
  const afterParams: Value[] = cursor ? [cursor.createdAt, cursor.id] : [];
  const where = ['organization_id = ?', ...filters.all, ...after].join(' and ');
  // One more than the page: whether it exists says whether there is a next page.
  const rows = await rawQuery<MemberRow & { created_at: Value }>(
    scope.em,
    `select * from member where ${where} order by created_at desc, id desc limit ?`,
    [scope.organization.id, ...filters.allParams, ...afterParams, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeMemberCursor({ createdAt: rowDate(last.created_at), id: String(last.id) })
      : null;
  return { data: page.map(memberFromRow), nextCursor, totalCount: await totalOf(scope, filters) };
}

async function totalOf(scope: RequestScope, filters: ReturnType<typeof filtersOf>): Promise<number> {
  const { id } = scope.organization;
  if (filters.search) {
    const [row] = await rawQuery<{ total: string | number }>(
      scope.em,
      `select count(*) as total from member where ${['organization_id = ?', ...filters.all].join(' and ')}`,
      [id, ...filters.allParams],
    );
    return Number(row?.total ?? 0);
  }
  const [row] = await rawQuery<{ total: string | number | null; tally_rows: string | number }>(
    scope.em,
    `select sum(delta) as total, count(*) as tally_rows from member_tally
     where ${['organization_id = ?', ...filters.counted].join(' and ')}`,
    [id, ...filters.countedParams],
  );
  const tally = { table: 'member_tally', key: { organization_id: id }, groups: ['role', 'approval_status'] };
  await foldIfCrowded(scope, tally, Number(row?.tally_rows ?? 0));
  return Number(row?.total ?? 0);
}

type Tallied = { delta_sum: string | number | null; tally_rows: string | number };

/**
 * Members by role and approval status, summed from `member_tally`: one row per pair (and whatever the triggers
 * appended since the last fold).
 */
export async function countsByRoleAndApproval(scope: RequestScope) {
  const { id } = scope.organization;
  const rows = await rawQuery<Tallied & { role: string; approval_status: string }>(
    scope.em,
    `select role, approval_status, sum(delta) as delta_sum, count(*) as tally_rows from member_tally
     where organization_id = ? group by role, approval_status`,
    [id],
  );
  const tally = { table: 'member_tally', key: { organization_id: id }, groups: ['role', 'approval_status'] };
  await foldIfCrowded(scope, tally, surplusRows(rows));
  return rows.map((row) => ({
    role: row.role,
    approvalStatus: row.approval_status,
    count: Number(row.delta_sum ?? 0),
  }));
}

/** New members per UTC day (`YYYY-MM-DD`) from `from` on, summed from `member_day_tally`; days with none are absent. */
export async function countsByDay(scope: RequestScope, from: string) {
  const { id } = scope.organization;
  const rows = await rawQuery<Tallied & { day: string }>(
    scope.em,
    `select day, sum(delta) as delta_sum, count(*) as tally_rows from member_day_tally
     where organization_id = ? and day >= ? group by day`,
    [id, from],
  );
  await foldIfCrowded(
    scope,
    { table: 'member_day_tally', key: { organization_id: id }, groups: ['day'] },
    surplusRows(rows),
  );
  return rows.map((row) => ({ day: row.day, count: Number(row.delta_sum ?? 0) }));
}
