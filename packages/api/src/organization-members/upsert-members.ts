import type { KardowEventType, MemberSyncInput, OrganizationMember } from '@members/contracts';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { emitKardow } from '../webhooks/outbox.js';
import { memberFromRow, sentFields } from './member-columns.js';
import * as organizationMembers from './member-repository.js';

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

/** The events an upsert may emit: it runs in a transaction only when someone is told of them. */
const upsertEvents = ['user.created', 'user.updated'] as const satisfies readonly KardowEventType[];

export interface Upserted {
  member: OrganizationMember;
  created: boolean;
  /** An existing member whose stored values this sync changed. */
  changed: boolean;
}

/** Plain syncs of one shape with distinct emails, as one statement (`organizationMembers.upsertRows`). */
async function upsertStatement(tx: RequestScope, inputs: MemberSyncInput[]): Promise<Upserted[]> {
  const set = inputs[0] ? sentFields(inputs[0]) : [];
  const storedFields = mergesStoredFields(tx, inputs)
    ? await organizationMembers.storedCustomFields(
        tx,
        inputs.map((input) => input.email),
      )
    : undefined;
  const rows = await organizationMembers.upsertRows(tx, inputs, { set, storedFields });
  return rows.map(({ row, created, changed }) => ({ member: memberFromRow(row), created, changed }));
}

/**
 * Plain syncs (see `isPlainSync`) of one shape with distinct emails, with their `user.created` and `user.updated`
 * events. With nobody subscribed to those this is a single statement and no transaction; else the statement and
 * the events commit together. Results are in the order of `inputs`.
 */
export async function upsertMembers(scope: RequestScope, inputs: MemberSyncInput[]): Promise<Upserted[]> {
  const subscribed = await scope.subscribers.of(scope.em, scope.organization.id, 'kardow');
  const told = subscribed.some((endpoint) =>
    endpoint.events.some((event) => event === '*' || upsertEvents.some((emitted) => emitted === event)),
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
