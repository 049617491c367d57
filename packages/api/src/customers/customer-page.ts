import type { CustomerListInput } from '@members/contracts';
import { Customer } from '@members/db';
import { pageQuery } from '../pagination.js';
import type { RequestScope } from '../request-scope.js';

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
export async function customerPage(scope: RequestScope, input: CustomerListInput) {
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
