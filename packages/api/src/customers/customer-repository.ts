import { randomUUID } from 'node:crypto';
import type { CustomerCreateInput, CustomerListInput, CustomerSelector } from '@members/contracts';
import { Customer } from '@members/db';
import { pageQuery } from '../pagination.js';
import type { RequestScope } from '../request-scope.js';

/** Every query of the `customer` table. A customer is live until its `deleted_at` is set. */

/** A live customer of the scope's organization by id or external id, or null; locked for writing when asked. */
export const findLive = (scope: RequestScope, selector: CustomerSelector, options: { lock?: boolean } = {}) =>
  scope.em.findOne(
    Customer,
    { ...selector, organization: scope.organization.id, deletedAt: null },
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
  (
    await scope.em.findOne(
      Customer,
      { ...selector, organization: scope.organization.id, deletedAt: null },
      { fields: ['id'] },
    )
  )?.id ?? null;

/** A new customer, persisted with the unit of work's next flush. */
export const create = (scope: RequestScope, input: CustomerCreateInput, now = new Date()) =>
  scope.em.create(Customer, {
    id: randomUUID(),
    organization: scope.organization.id,
    type: input.type,
    email: input.email ?? null,
    name: input.name ?? null,
    externalId: input.externalId ?? null,
    metadata: input.metadata ?? {},
    createdAt: now,
    modifiedAt: null,
    deletedAt: null,
  });

/** Whether a live customer of the organization has this external id. */
export const externalIdInUse = async (scope: RequestScope, externalId: string) =>
  (await scope.em.count(Customer, { organization: scope.organization.id, externalId, deletedAt: null })) > 0;

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
    .where({ organization: scope.organization.id, deletedAt: null })
    .orderBy(page.orderBy)
    .limit(page.limit)
    .offset(page.offset);
  if (input.email !== undefined) qb.andWhere({ email: input.email });
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
