import type { Pagination } from '@members/contracts';

export interface PageRequest {
  page: number;
  limit: number;
  sorting: ('created_at' | '-created_at')[];
}

/** LIMIT/OFFSET and ORDER BY for a page; the id breaks ties so pages never overlap or skip. */
export function pageQuery(request: PageRequest) {
  const orderBy = request.sorting.flatMap((sort) => {
    const direction = sort.startsWith('-') ? ('desc' as const) : ('asc' as const);
    return [{ createdAt: direction }, { id: direction }];
  });
  return { limit: request.limit, offset: (request.page - 1) * request.limit, orderBy };
}

export function paginationOf(totalCount: number, limit: number): Pagination {
  return { totalCount, maxPage: Math.ceil(totalCount / limit) };
}
