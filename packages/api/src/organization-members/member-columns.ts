import { randomUUID } from 'node:crypto';
import { jsonObject, type MemberSyncInput, type OrganizationMember } from '@members/contracts';
import type { Member } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { mergeCustomFields } from './custom-fields.js';

export type Field = keyof OrganizationMember;

/** How one field of a member is stored: its column, and what a new member gets from the sync that creates it. */
export interface Column<K extends Field> {
  column: string;
  /** A new member's value. For a settable field this is also what a sync that sends it sets. */
  initial(input: MemberSyncInput, organization: RequestScope['organization']): OrganizationMember[K];
  /** A sync that sends the field sets it on an existing member. */
  settable?: true;
  /** Stored as JSON text (SQLite) or jsonb (PostgreSQL). */
  json?: true;
}

/**
 * The `member` table, one line a field of the contract's member: the repository's upsert (column list,
 * placeholders, assignments) and both row mappings are built from it, and so is the rule of a sync, "set what was
 * sent": a `settable` field a sync sends is set, one it leaves out is kept. A new column is the entity, a migration,
 * the contract field and one line here; the compiler asks for the line once the contract has the field, and
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

export const fields = Object.keys(memberColumns) as Field[];

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

/** The settable fields a sync sends: what it sets on an existing member (the rest is kept as stored). */
export const sentFields = (input: MemberSyncInput): Settable[] =>
  settableFields.filter((field) => input[field] !== undefined);

/** A sync's changes to an existing member's entity: what it sends, custom fields merged into the stored ones. */
export function applyMemberChanges(member: Member, input: MemberSyncInput): void {
  for (const field of sentFields(input)) {
    const value = input[field];
    const stored =
      field === 'customFields' ? mergeCustomFields(member.customFields ?? null, input.customFields) : value;
    Object.assign(member, { [field]: stored });
  }
}

/** Which fields an item sends (and whether customFields clears or merges): items alike share one statement. */
export function shapeOf(input: MemberSyncInput): string {
  return settableFields
    .map((field) => (input[field] === undefined ? '-' : field === 'customFields' && input[field] === null ? '0' : '1'))
    .join('');
}
