import type { CustomerMemberRole } from '@members/contracts';
import type { RequestScope } from '../request-scope.js';
import { foldIfCrowded as foldTallyIfCrowded } from '../tally.js';

export type MemberFilter = { customerId?: string | undefined; role?: CustomerMemberRole | undefined };

/**
 * How many live members match a list's filters, as SQL that sums the tally the database's triggers keep
 * (`customer_member_tally`: +1/-1 rows per customer and per organization) rather than counting member by member,
 * so a total among a million members costs what it costs among ten. It selects `total` and `tally_rows`; the list
 * sends it in the page's own statement (`member-page.ts`), and hands `tally_rows` to `foldIfCrowded` after.
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
export const foldIfCrowded = (scope: RequestScope, key: string, tallyRows: number) =>
  foldTallyIfCrowded(
    scope,
    {
      table: 'customer_member_tally',
      key: { organization_id: scope.organization.id, customer_key: key },
      groups: ['role'],
    },
    tallyRows,
  );
