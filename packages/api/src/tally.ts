import type { RequestScope } from './request-scope.js';

/** Rows a key may gather before a count folds them into one per group. */
const FOLD_AT = 64;

/**
 * A count the database keeps: triggers append +1/-1 rows to `table` as the counted rows come and go, and a count
 * sums the rows of one key (`customer_member_tally` per customer, `member_tally` per organization) rather than
 * counting row by row, so a total among a million costs what it costs among ten. A key that has gathered many rows
 * is folded into one row per group, so its sum stays a few rows' work.
 */
export interface Tally {
  table: string;
  /** The columns and values that name the key. */
  key: Record<string, string | number>;
  /** The columns a count may filter by, kept apart by the fold. */
  groups: readonly string[];
}

/** The rows a grouped read of a tally met beyond one per group: what a fold would remove. */
export const surplusRows = (groups: readonly { tally_rows: string | number }[]) =>
  groups.reduce((sum, group) => sum + Number(group.tally_rows) - 1, 0);

export async function foldIfCrowded(scope: RequestScope, tally: Tally, tallyRows: number): Promise<void> {
  if (tallyRows > FOLD_AT) await fold(scope, tally);
}

/** One row per group for the key, worth what its rows were worth; a writer appending meanwhile is never waited on. */
async function fold(scope: RequestScope, { table, key, groups }: Tally): Promise<void> {
  const keyColumns = Object.keys(key);
  const keyValues = Object.values(key);
  const where = keyColumns.map((column) => `${column} = ?`).join(' and ');
  const columns = [...keyColumns, ...groups].join(', ');
  const groupList = groups.join(', ');
  if (scope.dialect === 'postgresql') {
    // One statement: the rows it sums are exactly the rows it deletes, whatever commits meanwhile.
    await scope.em.execute(
      `with gone as (delete from ${table} where ${where} returning ${groupList}, delta)
       insert into ${table} (${columns}, delta)
       select ${keyColumns.map(() => '?').join(', ')}, ${groupList}, sum(delta) from gone group by ${groupList}`,
      [...keyValues, ...keyValues],
    );
    return;
  }
  // SQLite runs one writer at a time: within a transaction nothing commits between these statements.
  await scope.em.transactional(async (em) => {
    const [top] = await em.execute<{ id: number | null }[]>(
      `select max(id) as id from ${table} where ${where}`,
      keyValues,
    );
    const last = top?.id ?? 0;
    await em.execute(
      `insert into ${table} (${columns}, delta)
       select ${columns}, sum(delta) from ${table} where ${where} and id <= ? group by ${columns}`,
      [...keyValues, last],
    );
    await em.execute(`delete from ${table} where ${where} and id <= ?`, [...keyValues, last]);
  });
}
