import { encodeMemberCursor, type MemberList, type MemberListInput } from '@members/contracts';
import { rawQuery, rowDate } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { foldIfCrowded } from '../tally.js';
import { memberFromRow, type MemberRow } from './member-repository.js';

type Value = string | number | Date;

/** `%` and `_` in a search are the caller's characters, not patterns. */
const likeSubstring = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The role and approval filters, which the tally can count by, and the search, which it cannot. */
function filtersOf(input: MemberListInput) {
  const counted: string[] = [];
  const countedParams: Value[] = [];
  if (input.role !== undefined) {
    counted.push('role = ?');
    countedParams.push(input.role);
  }
  if (input.approvalStatus !== undefined) {
    counted.push('approval_status = ?');
    countedParams.push(input.approvalStatus);
  }
  const search = input.q === undefined ? null : likeSubstring(input.q);
  // Emails are stored lower-cased; names as given.
  const all = search ? [...counted, `(email like ? escape '\\' or lower(name) like ? escape '\\')`] : counted;
  return {
    counted,
    countedParams,
    search,
    all,
    allParams: search ? [...countedParams, search, search] : countedParams,
  };
}

/**
 * The organization's members, newest first (`created_at`, then `id`, descending), a page after a cursor. The page
 * walks the index on `(organization_id, created_at, id)` from the cursor, so a page deep in a million members costs
 * what the first costs; members created while a caller pages arrive above its cursor, so it meets no duplicate and
 * no gap. The total comes from `member_tally` (kept by triggers) unless a search needs the rows counted.
 */
export async function listMembers(scope: RequestScope, input: MemberListInput): Promise<MemberList> {
  const filters = filtersOf(input);
  const { cursor } = input;
  // A row value, which both databases read as one range of the index; the same test spelt with OR is a scan from
  // the newest member down to the cursor on SQLite.
  const after = cursor ? ['(created_at, id) < (?, ?)'] : [];
  const afterParams: Value[] = cursor ? [cursor.createdAt, cursor.id] : [];
  const where = ['organization_id = ?', ...filters.all, ...after].join(' and ');
  // One more than the page: whether it exists says whether there is a next page.
  const rows = await rawQuery<MemberRow & { created_at: Value }>(
    scope.em,
    `select * from member where ${where} order by created_at desc, id desc limit ?`,
    [scope.organization.id, ...filters.allParams, ...afterParams, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeMemberCursor({ createdAt: rowDate(last.created_at), id: String(last.id) })
      : null;
  return { data: page.map(memberFromRow), nextCursor, totalCount: await totalOf(scope, filters) };
}

async function totalOf(scope: RequestScope, filters: ReturnType<typeof filtersOf>): Promise<number> {
  const { id } = scope.organization;
  if (filters.search) {
    const [row] = await rawQuery<{ total: string | number }>(
      scope.em,
      `select count(*) as total from member where ${['organization_id = ?', ...filters.all].join(' and ')}`,
      [id, ...filters.allParams],
    );
    return Number(row?.total ?? 0);
  }
  const [row] = await rawQuery<{ total: string | number | null; tally_rows: string | number }>(
    scope.em,
    `select sum(delta) as total, count(*) as tally_rows from member_tally
     where ${['organization_id = ?', ...filters.counted].join(' and ')}`,
    [id, ...filters.countedParams],
  );
  const tally = { table: 'member_tally', key: { organization_id: id }, groups: ['role', 'approval_status'] };
  await foldIfCrowded(scope, tally, Number(row?.tally_rows ?? 0));
  return Number(row?.total ?? 0);
}
