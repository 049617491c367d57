import { rawQuery } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { foldIfCrowded, surplusRows } from '../tally.js';

/**
 * Queries of the `subscription` table that no service's entity work covers: the counts the overview reads, summed
 * from `subscription_tally` (kept by the triggers of the overview_tallies migration), with each plan's name.
 */
export async function countsByPlanAndStatus(scope: RequestScope) {
  const { id } = scope.organization;
  const rows = await rawQuery<{
    plan_id: string;
    plan_name: string | null;
    status: string;
    delta_sum: string | number | null;
    tally_rows: string | number;
  }>(
    scope.em,
    `select t.plan_id, p.name as plan_name, t.status, t.delta_sum, t.tally_rows from (
       select plan_id, status, sum(delta) as delta_sum, count(*) as tally_rows from subscription_tally
       where organization_id = ? group by plan_id, status
     ) t left join plan p on p.id = t.plan_id`,
    [id],
  );
  await foldIfCrowded(
    scope,
    { table: 'subscription_tally', key: { organization_id: id }, groups: ['plan_id', 'status'] },
    surplusRows(rows),
  );
  return rows.map((row) => ({
    planId: row.plan_id,
    planName: row.plan_name ?? row.plan_id,
    status: row.status,
    count: Number(row.delta_sum ?? 0),
  }));
}
