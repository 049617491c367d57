import { randomUUID } from 'node:crypto';
import type { CustomerMemberCreateInput, CustomerMemberListInput, CustomerMemberRole } from '@members/contracts';
import { type Customer, CustomerMember, rawQuery, rowDate, type FilterQuery, type Statement } from '@members/db';
import { orderBySql } from '../pagination.js';
import type { RequestScope } from '../request-scope.js';
import { foldIfCrowded as foldTallyIfCrowded } from '../tally.js';
import type { ListedCustomerMember } from './serialize.js';
import { live, liveSql } from '../live-rows.js';

/**
 * Every query of the `customer_member` table (and of the tally its triggers keep), so the services keep only
 * Polar's rules. A member is live until its `deleted_at` is set; only live members are ever read here.
 */

/** Which live member a request names: by id, or by external id within a customer; nested routes add the customer. */
export type CustomerMemberSelector =
  | { id: string; customerId?: string | undefined }
  | { externalId: string; customerId?: string | undefined; externalCustomerId?: string | undefined };

function whereSelected(scope: RequestScope, selector: CustomerMemberSelector): FilterQuery<CustomerMember> {
  const customer =
    'externalCustomerId' in selector && selector.externalCustomerId !== undefined
      ? { customer: { externalId: selector.externalCustomerId } }
      : selector.customerId !== undefined
        ? { customer: selector.customerId }
        : {};
  const member = 'id' in selector ? { id: selector.id } : { externalId: selector.externalId };
  return { ...member, ...customer, organization: scope.organization.id, deletedAt: null };
}

/** The live member a selector names, or null. */
export const findSelected = (scope: RequestScope, selector: CustomerMemberSelector) =>
  scope.em.findOne(CustomerMember, whereSelected(scope, selector));

/** A live member by id; `refresh` reads it again from the database (after a lock was taken). */
export const findLive = (scope: RequestScope, id: string, options: { refresh?: boolean } = {}) =>
  scope.em.findOne(CustomerMember, { id, organization: scope.organization.id, ...live }, options);

/** A customer's live member by a selector of its own columns (`{ role: 'owner' }`, `{ externalId }`, `{ emailKey }`). */
export const findInCustomer = (
  scope: RequestScope,
  customer: Customer | string,
  where: { id?: string; externalId?: string; emailKey?: string; role?: CustomerMemberRole },
) => scope.em.findOne(CustomerMember, { ...where, customer, ...live });

/** How many live members a customer has, besides `except` when given. */
export const countInCustomer = (
  scope: RequestScope,
  customer: Customer | string,
  where: { emailKey?: string; externalId?: string; except?: string } = {},
) => {
  const { except, ...columns } = where;
  return scope.em.count(CustomerMember, {
    ...columns,
    customer,
    ...live,
    ...(except === undefined ? {} : { id: { $ne: except } }),
  });
};

/** The owners' emails of those customers that have none of their own, by customer id: one query for a page. */
export async function ownerEmailsOf(scope: RequestScope, customers: readonly Customer[]): Promise<Map<string, string>> {
  const emailless = customers.filter((customer) => !customer.email).map((customer) => customer.id);
  if (emailless.length === 0) return new Map();
  const owners = await scope.em.find(
    CustomerMember,
    { customer: { $in: emailless }, role: 'owner', ...live },
    { fields: ['email', 'customer'] },
  );
  return new Map(owners.map((owner) => [owner.customer.id, owner.email]));
}

/** A new member, persisted with the unit of work's next flush. */
export function create(
  scope: RequestScope,
  customer: Customer,
  member: {
    email: string;
    name?: string | null | undefined;
    externalId?: string | null | undefined;
    role: CustomerMemberRole;
  },
  now = new Date(),
): CustomerMember {
  return scope.em.create(CustomerMember, {
    id: randomUUID(),
    organization: scope.organization.id,
    customer,
    email: member.email,
    emailKey: member.email.toLowerCase(),
    name: member.name ?? null,
    externalId: member.externalId ?? null,
    role: member.role,
    createdAt: now,
    modifiedAt: null,
    deletedAt: null,
  });
}

/** Soft-deletes every live member of a customer (the customer is being deleted). */
export const deleteAllOf = (scope: RequestScope, customer: Customer, now = new Date()) =>
  scope.em.nativeUpdate(CustomerMember, { customer, ...live }, { deletedAt: now, modifiedAt: now });

/** Every member row a customer ever had, those removed before included: what its anonymization rewrites. */
export const everyRowOf = (scope: RequestScope, customer: Customer) => scope.em.find(CustomerMember, { customer });

/**
 * A new member of a live team customer, as one INSERT … SELECT from the customer row that does nothing on a
 * conflict with the partial unique indexes (one live member per email and per external id in a customer): null
 * when nothing was inserted. On PostgreSQL the customer row is read FOR SHARE, which a delete of the customer
 * waits on, so no member is added to a customer deleted meanwhile.
 */
export async function insertIntoTeam(
  tx: RequestScope,
  input: CustomerMemberCreateInput,
): Promise<ListedCustomerMember | null> {
  const insert = insertIntoTeamStatement(tx, input);
  return insert.read(await rawQuery<MemberRow>(tx.em, insert.sql, insert.values));
}

/** `insertIntoTeam` as a statement to send (`writeTogether` sends it with its event), and how to read it. */
export function insertIntoTeamStatement(
  tx: RequestScope,
  input: CustomerMemberCreateInput,
): Statement & { read(rows: MemberRow[]): ListedCustomerMember | null } {
  const postgres = tx.dialect === 'postgresql';
  return {
    sql: `insert into customer_member (id, organization_id, customer_id, email, email_key, name, external_id, role,
       created_at, modified_at, deleted_at)
     select ?, c.organization_id, c.id, ?, ?, ?, ?, ?, ?, null, null from customer c
       where c.id = ? and c.organization_id = ? and ${liveSql('c')} and c.type = 'team' ${postgres ? 'for share' : ''}
     on conflict do nothing
     returning id, created_at, modified_at, customer_id, email, name, external_id, role`,
    values: [
      randomUUID(),
      input.email,
      input.email.toLowerCase(),
      input.name ?? null,
      input.externalId ?? null,
      input.role,
      new Date(),
      input.customerId,
      tx.organization.id,
    ],
    read: ([row]) => (row ? listedFromRow(row) : null),
  };
}

export type MemberFilter = { customerId?: string | undefined; role?: CustomerMemberRole | undefined };

/**
 * How many live members match a list's filters, as SQL that sums the tally the database's triggers keep
 * (`customer_member_tally`: +1/-1 rows per customer and per organization) rather than counting member by member,
 * so a total among a million members costs what it costs among ten. It selects `total` and `tally_rows`; the list
 * sends it in the page's own statement (`page`), and hands `tally_rows` to `foldIfCrowded` after.
 */
export function liveMemberCountSql(scope: RequestScope, filter: MemberFilter) {
  const key = filter.customerId ?? '*';
  const role = filter.role === undefined ? '' : ' and role = ?';
  return {
    key,
    sql: `select coalesce(sum(delta), 0) as total, count(*) as tally_rows from customer_member_tally
          where organization_id = ? and customer_key = ?${role}`,
    params: [scope.organization.id, key, ...(filter.role === undefined ? [] : [filter.role])],
  };
}

/** The tally the list read, folded when it has gathered many rows. */
const foldIfCrowded = (scope: RequestScope, key: string, tallyRows: number) =>
  foldTallyIfCrowded(
    scope,
    {
      table: 'customer_member_tally',
      key: { organization_id: scope.organization.id, customer_key: key },
      groups: ['role'],
    },
    tallyRows,
  );

/** A member's columns as a raw statement returns them. */
export interface MemberRow {
  id: string;
  created_at: string | number | Date;
  modified_at: string | number | Date | null;
  customer_id: string;
  email: string;
  name: string | null;
  external_id: string | null;
  role: CustomerMember['role'];
}

/** A row of a list page: the tally's total, and the member's columns (all null past the last page). */
type Row = { total: string | number; tally_rows: string | number } & (MemberRow | { [K in keyof MemberRow]: null });

/** A member row as its contract shape is made from it: no entity, so nothing for the unit of work to track. */
const listedFromRow = (row: MemberRow): ListedCustomerMember => ({
  id: row.id,
  createdAt: rowDate(row.created_at),
  modifiedAt: row.modified_at === null ? null : rowDate(row.modified_at),
  customer: { id: row.customer_id },
  email: row.email,
  name: row.name,
  externalId: row.external_id,
  role: row.role,
});

/**
 * One page of live members and the list's total, in one hand-written statement: the page over the partial indexes
 * on live members, the total from the tally. The page is the busiest read of the Polar surface, and building it
 * through MikroORM (its query builder, then knex) cost the server more than hydrating the rows or PostgreSQL running
 * it: with it, a page among a million members ran at about 330/s with four callers (p50 10.8 ms); as a statement of
 * its own, about 500/s (p50 6.4 ms). One statement for page and total rather than two halves the socket writes, a
 * fifth of the server's CPU on these machines. The order is `pageQuery`'s, as every other list's.
 */
export async function page(
  scope: RequestScope,
  filter: MemberFilter,
  slice: Pick<CustomerMemberListInput, 'page' | 'limit' | 'sorting'>,
): Promise<{ items: ListedCustomerMember[]; total: number }> {
  const conditions = ['organization_id = ?', liveSql()];
  const params: (string | number)[] = [scope.organization.id];
  if (filter.customerId !== undefined) {
    conditions.push('customer_id = ?');
    params.push(filter.customerId);
  }
  if (filter.role !== undefined) {
    conditions.push('role = ?');
    params.push(filter.role);
  }
  const tally = liveMemberCountSql(scope, filter);
  // The tally's one row, joined to the page's rows (or to none, for a page past the end), so the total always comes.
  const rows = await scope.em.execute<Row[]>(
    `select tally.total, tally.tally_rows, page.* from (${tally.sql}) tally left join (
       select m.id, m.created_at, m.modified_at, m.customer_id, m.email, m.name, m.external_id, m.role
       from customer_member m where ${conditions.map((condition) => `m.${condition}`).join(' and ')}
       order by ${orderBySql(slice.sorting, 'm')} limit ? offset ?
     ) page on 1 = 1
     order by ${orderBySql(slice.sorting, 'page')}`,
    [...tally.params, ...params, slice.limit, (slice.page - 1) * slice.limit],
  );
  const first = rows[0];
  await foldIfCrowded(scope, tally.key, Number(first?.tally_rows ?? 0));
  const items = rows.flatMap((row) => (row.id === null ? [] : [listedFromRow(row)]));
  return { items, total: Number(first?.total ?? 0) };
}
