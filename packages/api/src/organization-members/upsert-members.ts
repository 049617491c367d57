import type { KardowEventType, MemberSyncInput, OrganizationMember } from '@members/contracts';
import { writeTogether } from '@members/db';
import { auditStatement, writeAuditWithChange } from '../audit/audit-trail.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { eventLogged } from '../webhooks/outbox-signal.js';
import { emitKardow, kardowBody, logStatement, type LoggedBody } from '../webhooks/outbox.js';
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

export interface Upserted {
  member: OrganizationMember;
  created: boolean;
  /** An existing member whose stored values this sync changed. */
  changed: boolean;
}

/** The upsert's results in the order of `inputs`. */
function inOrder(inputs: readonly MemberSyncInput[], upserted: Upserted[]): Upserted[] {
  const byEmail = new Map(upserted.map((result) => [result.member.email, result]));
  return inputs.map((input) => {
    const result = byEmail.get(input.email);
    if (!result) throw new Error(`the upsert returned no row for ${input.email}`);
    return result;
  });
}

/** Plain syncs of one shape with distinct emails, as one statement (`organizationMembers.upsertRows`). */
async function upsertStatement(tx: RequestScope, inputs: MemberSyncInput[], logged: boolean): Promise<Upserted[]> {
  const set = inputs[0] ? sentFields(inputs[0]) : [];
  const storedFields = mergesStoredFields(tx, inputs)
    ? await organizationMembers.storedCustomFields(
        tx,
        inputs.map((input) => input.email),
      )
    : undefined;
  const rows = await organizationMembers.upsertRows(tx, inputs, { set, storedFields, logged });
  return rows.map(membersOf);
}

const membersOf = ({ row, created, changed }: organizationMembers.UpsertResult): Upserted => ({
  member: memberFromRow(row),
  created,
  changed,
});

/** The `user.created` and `user.updated` of what an upsert created or changed. */
const eventsOf = (results: readonly Upserted[]): LoggedBody[] =>
  results.flatMap(({ member, created, changed }) =>
    created || changed
      ? [
          {
            surface: 'kardow' as const,
            type: created ? ('user.created' as const) : ('user.updated' as const),
            orderingKey: member.id,
            body: kardowBody(created ? 'user.created' : 'user.updated', { member }),
          },
        ]
      : [],
  );

/** SQLite, with no webhook to deliver to: the upsert and its events in better-sqlite3's own transaction. */
async function upsertLoggedSqlite(scope: RequestScope, inputs: MemberSyncInput[]): Promise<Upserted[]> {
  const upsert = organizationMembers.upsertStatement(scope, inputs, { set: inputs[0] ? sentFields(inputs[0]) : [] });
  let results: Upserted[] = [];
  let logged = 0;
  await writeTogether<organizationMembers.UpsertedRow>(scope.em, upsert, (rows) => {
    results = upsert.read(rows).map(membersOf);
    const events = eventsOf(results);
    logged = events.length;
    return [logged > 0 ? logStatement(scope, events) : null, auditStatement(scope, memberRecords(results))];
  });
  if (logged > 0) eventLogged();
  return results;
}

/** The members an upsert wrote, for its audit entry. */
const memberRecords = (results: readonly Upserted[]) =>
  results.map(({ member }) => ({ type: 'member', id: member.id }));

/** The events an upsert may emit. */
const upsertEvents = ['user.created', 'user.updated'] as const satisfies readonly KardowEventType[];

/**
 * Plain syncs (see `isPlainSync`) of one shape with distinct emails, with their `user.created` and `user.updated`
 * events, which commit with them. With no webhook to deliver them to, PostgreSQL's statement writes them itself (one
 * statement, no transaction) and SQLite writes them beside it in its driver's own transaction; else they are written
 * with their deliveries, in the ORM's transaction. Results are in the order of `inputs`.
 */
export async function upsertMembers(scope: RequestScope, inputs: MemberSyncInput[]): Promise<Upserted[]> {
  const subscribed = await scope.subscribers.of(scope.em, scope.organization.id, 'kardow');
  const told = subscribed.some((endpoint) =>
    endpoint.events.some((event) => event === '*' || upsertEvents.some((emitted) => emitted === event)),
  );
  if (!told && scope.dialect === 'postgresql') return inOrder(inputs, await upsertStatement(scope, inputs, true));
  if (!told && !mergesStoredFields(scope, inputs)) return inOrder(inputs, await upsertLoggedSqlite(scope, inputs));
  const write = async (tx: RequestScope) => {
    const results = inOrder(inputs, await upsertStatement(tx, inputs, false));
    for (const { member, created, changed } of results) {
      if (created) await emitKardow(tx, 'user.created', member.id, { member });
      else if (changed) await emitKardow(tx, 'user.updated', member.id, { member });
    }
    await writeAuditWithChange(tx, memberRecords(results));
    return results;
  };
  return inTransaction(scope, write);
}
