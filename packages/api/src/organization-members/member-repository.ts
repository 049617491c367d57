import { randomUUID } from 'node:crypto';
import { jsonObject, type MemberSyncInput, type OrganizationMember } from '@members/contracts';
import { rawQuery, type Member } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { mergeCustomFields } from './custom-fields.js';

type Field = keyof OrganizationMember;

/** How one field of a member is stored: its column, and what a new member gets from the sync that creates it. */
interface Column<K extends Field> {
  column: string;
  /** A new member's value. For a settable field this is also what a sync that sends it sets. */
  initial(input: MemberSyncInput, organization: RequestScope['organization']): OrganizationMember[K];
  /** A sync that sends the field sets it on an existing member. */
  settable?: true;
  /** Stored as JSON text (SQLite) or jsonb (PostgreSQL). */
  json?: true;
}

/**
 * The `member` table, one line a field of the contract's member: the upsert's column list, placeholders and
 * assignments, and both row mappings, are built from it. A new column is the entity, a migration, the contract
 * field and one line here; the compiler asks for the line once the contract has the field, and
 * `member-repository.test.ts` fails if the entity has a column no line names.
 */
export const memberColumns = {
  id: { column: 'id', initial: () => randomUUID() },
  organizationId: { column: 'organization_id', initial: (_input, organization) => organization.id },
  email: { column: 'email', initial: (input) => input.email },
  name: { column: 'name', settable: true, initial: (input) => input.name ?? input.email.split('@')[0] ?? input.email },
  role: { column: 'role', settable: true, initial: (input) => input.role ?? 'employee' },
  approvalStatus: {
    column: 'approval_status',
    settable: true,
    initial: (input, organization) => input.approvalStatus ?? organization.defaultApprovalStatus,
  },
  profilePicture: { column: 'profile_picture', settable: true, initial: (input) => input.profilePicture ?? null },
  description: { column: 'description', settable: true, initial: (input) => input.description ?? null },
  customFields: {
    column: 'custom_fields',
    settable: true,
    json: true,
    initial: (input) => mergeCustomFields(null, input.customFields),
  },
} satisfies { [K in Field]: Column<K> };

const fields = Object.keys(memberColumns) as Field[];
const idIndex = fields.indexOf('id');
/** Columns the database keeps beside the contract's fields. */
const timestamps = ['created_at', 'updated_at'] as const;

export type Settable = { [K in Field]: (typeof memberColumns)[K] extends { settable: true } ? K : never }[Field] &
  keyof MemberSyncInput;
export const settableFields = fields.filter((field): field is Settable => 'settable' in memberColumns[field]);

/** A row of `member` as the drivers return it: pg parses jsonb, better-sqlite3 leaves JSON as text. */
export type MemberRow = Record<string, unknown>;

/**
 * A field by field build of the contract's member. The map's type holds each line to its field's type; building
 * the object from the lines is the one place the compiler cannot follow, hence the one cast.
 */
const memberOf = (read: (field: Field) => unknown) =>
  Object.fromEntries(fields.map((field) => [field, read(field)])) as OrganizationMember;

const parseJson = (value: unknown) => (typeof value === 'string' ? jsonObject.parse(JSON.parse(value)) : value);

/** The contract's member straight from its row: the ORM's entity mapping cost more than the statement, per row. */
export const memberFromRow = (row: MemberRow): OrganizationMember =>
  memberOf((field) => {
    const column: Column<Field> = memberColumns[field];
    const value = row[column.column] ?? null;
    return column.json ? parseJson(value) : value;
  });

/** The contract's member from its entity, whose properties are the contract's fields (the organization a relation). */
export const memberFromEntity = (member: Member): OrganizationMember =>
  memberOf((field) => (field === 'organizationId' ? member.organization.id : (member[field] ?? null)));

/** A sync's changes to an existing member's entity: what it sends, custom fields merged into the stored ones. */
export function applyMemberChanges(member: Member, input: MemberSyncInput): void {
  for (const field of settableFields) {
    const value = input[field];
    if (value === undefined) continue;
    const stored =
      field === 'customFields' ? mergeCustomFields(member.customFields ?? null, input.customFields) : value;
    Object.assign(member, { [field]: stored });
  }
}

/**
 * Inserts each input's member, or on (organization, email) sets the fields in `set` (sent alike by every input)
 * on the existing one, as one INSERT … ON CONFLICT DO UPDATE … RETURNING. `updated_at` moves only when a value
 * really changes (`changed`), and the id we proposed tells who created the row. Concurrent upserts of one new
 * email create it once: the later insert waits on the first and updates the row it made. With nothing to set, the
 * update is a no-op that still returns (and on PostgreSQL locks) the existing row. Emails must be distinct: one
 * statement cannot touch a row twice. `storedFields`: custom fields already merged with the stored ones (SQLite),
 * by email; without it PostgreSQL's `||` merges them.
 */
export async function upsertMemberRows(
  tx: RequestScope,
  inputs: readonly MemberSyncInput[],
  options: { set: readonly Settable[]; storedFields?: Map<string, OrganizationMember['customFields']> },
): Promise<{ row: MemberRow; created: boolean; changed: boolean }[]> {
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
    proposed.add(String(values[idIndex]));
    return [
      ...values.map((value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : value)),
      ...timestamps.map(() => timestamp),
    ];
  });
  const columns = [...fields.map((field) => memberColumns[field].column), ...timestamps];
  const row = `(${columns.map(() => '?').join(', ')})`;

  const newValue = (field: Settable) => {
    const { column } = memberColumns[field];
    // PostgreSQL merges a custom-fields patch that removes no key into the stored object in the statement.
    if (field === 'customFields' && inputs[0]?.customFields !== null && !options.storedFields) {
      return `coalesce("member"."${column}", '{}'::jsonb) || excluded."${column}"`;
    }
    return `excluded."${column}"`;
  };
  const changes = options.set.map(
    (field) => `"member"."${memberColumns[field].column}" is distinct from ${newValue(field)}`,
  );
  const assignments = [
    ...options.set.map((field) => `"${memberColumns[field].column}" = ${newValue(field)}`),
    changes.length > 0
      ? `"updated_at" = case when ${changes.join(' or ')} then excluded."updated_at" else "member"."updated_at" end`
      : `"email" = excluded."email"`,
  ];
  const sql =
    `insert into "member" (${columns.map((column) => `"${column}"`).join(', ')}) values ` +
    inputs.map(() => row).join(', ') +
    ` on conflict ("organization_id", "email") do update set ${assignments.join(', ')}` +
    // `touched`: stamped by this statement (drivers differ in how they return a timestamp; the database does not).
    ` returning *, "updated_at" = ? as "touched"`;
  const rows = await rawQuery<MemberRow & { touched: boolean | number }>(tx.em, sql, [...params, timestamp]);
  return rows.map(({ touched, ...stored }) => {
    const created = proposed.has(String(stored.id));
    return { row: stored, created, changed: !created && Boolean(touched) };
  });
}
