/**
 * Where a list in pages stands: Polar's lists know their last page (`maxPage`); a list read newest first without a
 * count knows only whether a page follows (`hasNext`).
 */
export interface Paging {
  page: number;
  maxPage?: number;
  hasNext?: boolean;
  onPage: (page: number) => void;
}

/** Previous and next for a list in pages, saying where it is; nothing when everything fits on one. */
export function Pager({ label, page, maxPage, hasNext, onPage }: Paging & { label: string }) {
  const last = maxPage ?? (hasNext ? page + 1 : page);
  if (last <= 1 && page <= 1) return null;
  return (
    <nav aria-label={`${label} pages`} className="pager">
      <button className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span>{maxPage === undefined ? `Page ${page}` : `Page ${page} of ${maxPage}`}</span>
      <button className="secondary" disabled={page >= last} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
