import type { CustomerMemberRole } from '@members/contracts';
import type { RequestScope } from '../request-scope.js';

/** Rows a key may gather before a count folds them into one per role. */
const FOLD_AT = 64;

/**
 * How many live members match a list's filters, summed from the tally the database's triggers keep
 * (`customer_member_tally`: +1/-1 rows per customer and per organization) rather than counted member by member,
 * so a total among a million members costs what it costs among ten. A key that has gathered many rows is folded.
 */
export async function liveMemberCount(
  scope: RequestScope,
  filter: { customerId?: string | undefined; role?: CustomerMemberRole | undefined },
): Promise<number> {
  const em = scope.em.fork();
  const key = filter.customerId ?? '*';
  const where = `organization_id = ? and customer_key = ?${filter.role === undefined ? '' : ' and role = ?'}`;
  const params = [scope.organization.id, key, ...(filter.role === undefined ? [] : [filter.role])];
  const [row] = await em.execute<{ total: number | string | null; rows: number | string }[]>(
    `select sum(delta) as total, count(*) as rows from customer_member_tally where ${where}`,
    params,
  );
  if (Number(row?.rows ?? 0) > FOLD_AT) await fold({ ...scope, em }, key);
  return Number(row?.total ?? 0);
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
