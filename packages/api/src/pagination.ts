import { toSnake, type Pagination } from '@members/contracts';

type Direction = 'asc' | 'desc' | 'asc nulls last' | 'desc nulls last';

/** Every sorting criterion Polar's lists take, as an ORDER BY term; nullable columns sort nulls last on both databases. */
const orderings = {
  created_at: ['createdAt', 'asc'],
  '-created_at': ['createdAt', 'desc'],
  email: ['email', 'asc nulls last'],
  '-email': ['email', 'desc nulls last'],
  name: ['name', 'asc nulls last'],
  '-name': ['name', 'desc nulls last'],
} as const satisfies Record<string, readonly [string, Direction]>;
export type SortCriterion = keyof typeof orderings;

export interface PageRequest {
  page: number;
  limit: number;
  sorting: readonly SortCriterion[];
}

/** LIMIT/OFFSET and ORDER BY for a page, criteria in order; the id breaks ties so pages never overlap or skip. */
export function pageQuery(request: PageRequest) {
  const orderBy = request.sorting.map((criterion): Record<string, Direction> => {
    const [field, direction] = orderings[criterion];
    return { [field]: direction };
  });
  orderBy.push({ id: request.sorting[0]?.startsWith('-') ? 'desc' : 'asc' });
  return { limit: request.limit, offset: (request.page - 1) * request.limit, orderBy };
}

/** The same order as an SQL `ORDER BY` over `table`'s columns, for a page written by hand (the repositories' keyset pages). */
export function orderBySql(sorting: readonly SortCriterion[], table: string): string {
  return pageQuery({ page: 1, limit: 1, sorting })
    .orderBy.flatMap((term) => Object.entries(term))
    .map(([field, direction]) => `${table}.${toSnake(field)} ${direction}`)
    .join(', ');
}

export function paginationOf(totalCount: number, limit: number): Pagination {
  return { totalCount, maxPage: Math.ceil(totalCount / limit) };
}
