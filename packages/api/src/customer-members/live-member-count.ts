import type { CustomerMemberRole } from '@members/contracts';
import type { RequestScope } from '../request-scope.js';

/** Rows a key may gather before a count folds them into one per role. */
const FOLD_AT = 64;

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

/** A key that has gathered many rows is folded, so its sum stays a few rows' work. */
export async function foldIfCrowded(scope: RequestScope, key: string, tallyRows: number): Promise<void> {
  if (tallyRows > FOLD_AT) await fold(scope, key);
}

/** One row per role for the key, worth what its rows were worth; a writer appending meanwhile is never waited on. */
async function fold(scope: RequestScope, key: string): Promise<void> {
  const { id } = scope.organization;
  if (scope.dialect === 'postgresql') {
    // One statement: the rows it sums are exactly the rows it deletes, whatever commits meanwhile.
    await scope.em.execute(
      `with gone as (delete from customer_member_tally where organization_id = ? and customer_key = ? returning role, delta)
       insert into customer_member_tally (organization_id, customer_key, role, delta)
       select ?, ?, role, sum(delta) from gone group by role`,
      [id, key, id, key],
    );
    return;
  }
  // SQLite runs one writer at a time: within a transaction nothing commits between these statements.
  await scope.em.transactional(async (em) => {
    const [top] = await em.execute<{ id: number | null }[]>(
      'select max(id) as id from customer_member_tally where organization_id = ? and customer_key = ?',
      [id, key],
    );
    const last = top?.id ?? 0;
    await em.execute(
      `insert into customer_member_tally (organization_id, customer_key, role, delta)
       select organization_id, customer_key, role, sum(delta) from customer_member_tally
       where organization_id = ? and customer_key = ? and id <= ? group by organization_id, customer_key, role`,
      [id, key, last],
    );
    await em.execute('delete from customer_member_tally where organization_id = ? and customer_key = ? and id <= ?', [
      id,
      key,
      last,
    ]);
  });
}
