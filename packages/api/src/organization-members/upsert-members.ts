import { randomUUID } from 'node:crypto';
import {
  jsonObject,
  type ApprovalStatus,
  type JsonObject,
  type MemberRole,
  type MemberSyncInput,
  type OrganizationMember,
} from '@members/contracts';
import { rawQuery } from '@members/db';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { emitKardow } from '../webhooks/outbox.js';
import { mergeCustomFields } from './custom-fields.js';

/** The member fields a sync sets on an existing member when it sends them, and their columns. */
const settable = {
  name: 'name',
  role: 'role',
  approvalStatus: 'approval_status',
  profilePicture: 'profile_picture',
  description: 'description',
  customFields: 'custom_fields',
} as const;
type Settable = keyof typeof settable;
const settableFields = Object.keys(settable) as Settable[];

/**
 * Whether a sync is one upsert statement: no `userId`, `access` or `payment`, and `customFields` either not sent,
 * null, or an object that PostgreSQL's jsonb `||` can merge key by key (one that removes no key). On SQLite any
 * object is: its one connection runs the read of the stored fields and the upsert of the merged ones alone
 * (`storedCustomFields`). Anything else needs the stored row first and goes through the transaction of `syncMember`.
 */
export function isPlainSync(scope: RequestScope, input: MemberSyncInput): boolean {
  if (input.userId !== undefined || input.access !== undefined || input.payment !== undefined) return false;
  const fields = input.customFields;
  if (fields === undefined || fields === null) return true;
  return scope.dialect === 'sqlite' || !Object.values(fields).includes(null);
}

/** Whether the run's custom fields are merged here from the stored ones (SQLite), rather than by the statement. */
const mergesStoredFields = (scope: RequestScope, inputs: MemberSyncInput[]) =>
  scope.dialect === 'sqlite' && inputs[0]?.customFields !== undefined && inputs[0].customFields !== null;

/**
 * The stored custom fields of the members with these emails, read in the upsert's transaction. One parameter an
 * email: within SQLite's bound whenever the upsert of the same run (eleven an item) is.
 */
async function storedCustomFields(tx: RequestScope, emails: string[]): Promise<Map<string, JsonObject | null>> {
  const rows = await rawQuery<{ email: string; custom_fields: string | null }>(
    tx.em,
    `select email, custom_fields from member where organization_id = ? and email in (${emails.map(() => '?').join(', ')})`,
    [tx.organization.id, ...emails],
  );
  return new Map(rows.map((row) => [row.email, row.custom_fields === null ? null : parseFields(row.custom_fields)]));
}

const parseFields = (text: string) => jsonObject.parse(JSON.parse(text));

/** Which fields an item sends (and whether customFields clears or merges): items alike share one statement. */
export function shapeOf(input: MemberSyncInput): string {
  return settableFields
    .map((field) => (input[field] === undefined ? '-' : field === 'customFields' && input[field] === null ? '0' : '1'))
    .join('');
}

export interface Upserted {
  member: OrganizationMember;
  created: boolean;
  /** An existing member whose stored values this sync changed. */
  changed: boolean;
}

/**
 * Plain syncs of one shape with distinct emails (one statement cannot touch a row twice), as one
 * INSERT … ON CONFLICT (organization, email) DO UPDATE … RETURNING: a new member gets the defaults, an existing
 * one the fields sent, and `updated_at` moves only when a value really changes. Concurrent syncs of one new email
 * create it once: the later insert waits on the first and updates the row it made.
 */
async function upsertStatement(tx: RequestScope, inputs: MemberSyncInput[]): Promise<Upserted[]> {
  const now = new Date();
  const postgres = tx.dialect === 'postgresql';
  // MikroORM stores SQLite datetimes as epoch milliseconds.
  const timestamp = postgres ? now : now.getTime();
  const sent = settableFields.filter((field) => inputs[0]?.[field] !== undefined);
  const proposed = new Set<string>();
  const merging = mergesStoredFields(tx, inputs);
  const stored = merging
    ? await storedCustomFields(
        tx,
        inputs.map((input) => input.email),
      )
    : null;
  const params = inputs.flatMap((input) => {
    const id = randomUUID();
    proposed.add(id);
    const customFields = mergeCustomFields(stored?.get(input.email) ?? null, input.customFields);
    return [
      id,
      tx.organization.id,
      input.email,
      input.name ?? input.email.split('@')[0] ?? input.email,
      input.role ?? 'employee',
      input.approvalStatus ?? tx.organization.defaultApprovalStatus,
      input.profilePicture ?? null,
      input.description ?? null,
      customFields === null ? null : JSON.stringify(customFields),
      timestamp,
      timestamp,
    ];
  });
  const newValue = (field: Settable) => {
    const column = settable[field];
    if (field === 'customFields' && inputs[0]?.customFields !== null && !merging) {
      return `coalesce("member"."${column}", '{}'::jsonb) || excluded."${column}"`;
    }
    return `excluded."${column}"`;
  };
  const changes = sent.map((field) => `"member"."${settable[field]}" is distinct from ${newValue(field)}`);
  const assignments = [
    ...sent.map((field) => `"${settable[field]}" = ${newValue(field)}`),
    changes.length > 0
      ? `"updated_at" = case when ${changes.join(' or ')} then excluded."updated_at" else "member"."updated_at" end`
      : // Nothing to set: a no-op update, so the existing row is returned (and locked) rather than skipped.
        `"email" = excluded."email"`,
  ];
  const sql =
    `insert into "member" ("id", "organization_id", "email", "name", "role", "approval_status", "profile_picture", ` +
    `"description", "custom_fields", "created_at", "updated_at") values ` +
    inputs.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ') +
    ` on conflict ("organization_id", "email") do update set ${assignments.join(', ')} returning *, "updated_at" = ? as "touched"`;
  // `touched`: stamped by this statement (drivers differ in how they return a timestamp; the database does not).
  const rows = await rawQuery<MemberRow>(tx.em, sql, [...params, timestamp]);
  return rows.map((row) => {
    const created = proposed.has(row.id);
    return { member: toMember(row), created, changed: !created && Boolean(row.touched) };
  });
}

/** A row of `member` as the drivers return it: pg parses jsonb and timestamps, better-sqlite3 leaves them as stored. */
interface MemberRow {
  id: string;
  organization_id: number;
  email: string;
  name: string;
  role: MemberRole;
  approval_status: ApprovalStatus;
  profile_picture: string | null;
  description: string | null;
  custom_fields: JsonObject | string | null;
  touched: boolean | number;
}

/** The contract's member straight from its row: the ORM's entity mapping cost more than the statement, per row. */
function toMember(row: MemberRow): OrganizationMember {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    name: row.name,
    role: row.role,
    approvalStatus: row.approval_status,
    profilePicture: row.profile_picture,
    description: row.description,
    customFields: typeof row.custom_fields === 'string' ? parseFields(row.custom_fields) : row.custom_fields,
  };
}

/**
 * Plain syncs (see `isPlainSync`) of one shape with distinct emails, with their `user.created` and `user.updated`
 * events. With nobody subscribed to those this is a single statement and no transaction; else the statement and
 * the events commit together. Results are in the order of `inputs`.
 */
export async function upsertMembers(scope: RequestScope, inputs: MemberSyncInput[]): Promise<Upserted[]> {
  const subscribed = await scope.subscribers.of(scope.em, scope.organization.id, 'kardow');
  const told = subscribed.some((endpoint) =>
    endpoint.events.some((event) => event === '*' || event === 'user.created' || event === 'user.updated'),
  );
  const write = async (tx: RequestScope) => {
    const byEmail = new Map((await upsertStatement(tx, inputs)).map((result) => [result.member.email, result]));
    const results = inputs.map((input) => {
      const result = byEmail.get(input.email);
      if (!result) throw new Error(`the upsert returned no row for ${input.email}`);
      return result;
    });
    for (const { member, created, changed } of told ? results : []) {
      if (created) await emitKardow(tx, 'user.created', member.id, { member });
      else if (changed) await emitKardow(tx, 'user.updated', member.id, { member });
    }
    return results;
  };
  return told || mergesStoredFields(scope, inputs) ? inTransaction(scope, write) : write(scope);
}
