import { randomUUID } from 'node:crypto';
import type { CustomerCreateInput, CustomerListInput, CustomerSelector } from '@members/contracts';
import { Customer, rawQuery, type EntityManager } from '@members/db';
import { pageQuery } from '../pagination.js';
import type { RequestScope } from '../request-scope.js';
import { live, liveSql } from '../live-rows.js';

/** Every query of the `customer` table. A customer is live until its `deleted_at` is set. */

/** A live customer of the scope's organization by id or external id, or null; locked for writing when asked. */
export const findLive = (scope: RequestScope, selector: CustomerSelector, options: { lock?: boolean } = {}) =>
  scope.em.findOne(
    Customer,
    { ...selector, organization: scope.organization.id, ...live },
    options.lock ? { lockMode: scope.writeLock } : {},
  );

/** The customer a request names by id or, failing that, by external id; null when it names neither. */
export function selectorOf(named: {
  customerId?: string | undefined;
  externalCustomerId?: string | undefined;
}): CustomerSelector | null {
  if (named.customerId !== undefined) return { id: named.customerId };
  return named.externalCustomerId === undefined ? null : { externalId: named.externalCustomerId };
}

/** The id of a live customer by id or external id, or null: the lists' check that it exists, reading one column. */
export const idOf = async (scope: RequestScope, selector: CustomerSelector) =>
  (await scope.em.findOne(Customer, { ...selector, organization: scope.organization.id, ...live }, { fields: ['id'] }))
    ?.id ?? null;

/** A new customer, persisted with the unit of work's next flush. */
export const create = (scope: RequestScope, input: CustomerCreateInput, now = new Date()) =>
  scope.em.create(Customer, {
    id: randomUUID(),
    organization: scope.organization.id,
    type: input.type,
    email: input.email ?? null,
    emailKey: emailKeyOf(input.email),
    emailDuplicate: 0,
    name: input.name ?? null,
    externalId: input.externalId ?? null,
    metadata: input.metadata ?? {},
    createdAt: now,
    modifiedAt: null,
    deletedAt: null,
  });

/** How an email is compared: lower-cased, as Polar compares customers' emails. */
export const emailKeyOf = (email: string | null | undefined) => (email ? email.toLowerCase() : null);

/** Whether a live customer of the organization has this email, in any case (kept duplicates included). */
export const emailInUse = async (scope: RequestScope, email: string) =>
  (await scope.em.count(Customer, {
    organization: scope.organization.id,
    emailKey: emailKeyOf(email),
    ...live,
  })) > 0;

/** Whether a live customer of the organization has this external id. */
export const externalIdInUse = async (scope: RequestScope, externalId: string) =>
  (await scope.em.count(Customer, { organization: scope.organization.id, externalId, ...live })) > 0;

/** `like` matches the text as it is: its own wildcards are escaped. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A metadata value as text, alike on both databases: JSON strings unquoted, booleans as `true`/`false`, numbers in
 * their JSON form, so `?metadata[tier]=1` matches a stored 1 and a stored "1".
 */
function metadataText(dialect: 'sqlite' | 'postgresql'): string {
  return dialect === 'postgresql'
    ? `c.metadata ->> ?`
    : `case json_type(c.metadata, ?) when 'true' then 'true' when 'false' then 'false' else cast(json_extract(c.metadata, ?) as text) end`;
}

/** One page of the organization's live customers, with Polar's filters, and how many match in all. */
export async function page(scope: RequestScope, input: CustomerListInput) {
  const { dialect } = scope;
  const page = pageQuery(input);
  const qb = scope.em
    .createQueryBuilder(Customer, 'c')
    .where({ organization: scope.organization.id, ...live })
    .orderBy(page.orderBy)
    .limit(page.limit)
    .offset(page.offset);
  if (input.email !== undefined) qb.andWhere({ emailKey: emailKeyOf(input.email) });
  if (input.query) {
    const pattern = containing(input.query);
    qb.andWhere(
      `(lower(c.name) like ? escape '\\' or lower(c.email) like ? escape '\\' or lower(c.external_id) like ? escape '\\')`,
      [pattern, pattern, pattern],
    );
  }
  for (const [key, wanted] of Object.entries(input.metadata ?? {})) {
    const values = [wanted].flat();
    const path = `$."${key.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    const keyParams = dialect === 'postgresql' ? [key] : [path, path];
    qb.andWhere(`${metadataText(dialect)} in (${values.map(() => '?').join(', ')})`, [...keyParams, ...values]);
  }
  return qb.getResultAndCount();
}

/**
 * Every live customer whose email another live customer of its organization shares (case-insensitively), oldest
 * first in each group; of one organization, or of all. Only customers kept by the uniqueness migration can share.
 */
export async function sharingAnEmail(em: EntityManager, organizationId?: number) {
  const kept = await em.find(
    Customer,
    {
      emailDuplicate: { $gt: 0 },
      ...live,
      ...(organizationId === undefined ? {} : { organization: organizationId }),
    },
    { fields: ['organization', 'emailKey'] },
  );
  if (kept.length === 0) return [];
  const groups = new Map(
    kept.map((c) => [`${c.organization.id} ${c.emailKey}`, { organization: c.organization.id, emailKey: c.emailKey }]),
  );
  return em.find(
    Customer,
    { $or: [...groups.values()], ...live },
    { orderBy: [{ organization: 'asc' }, { emailKey: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
  );
}

/** A customer as the export reads it: the row's own columns, as the driver answers them. */
export interface ExportedCustomerRow {
  id: string;
  external_id: string | null;
  created_at: string | number | Date;
  email: string | null;
  name: string | null;
  metadata: string | Record<string, unknown> | null;
}

/** Up to `limit` live customers after `after`, oldest first: a page that walks the index from the last one. */
export const exportBatchAfter = (
  scope: RequestScope,
  after: { createdAt: Date; id: string } | null,
  limit: number,
): Promise<ExportedCustomerRow[]> =>
  rawQuery<ExportedCustomerRow>(
    scope.em,
    `select id, external_id, created_at, email, name, metadata from customer
     where organization_id = ? and ${liveSql()}
     ${after ? 'and (created_at, id) > (?, ?)' : ''}
     order by created_at, id limit ?`,
    [scope.organization.id, ...(after ? [after.createdAt, after.id] : []), limit],
  );
