/** Previous and next for a list in pages (Polar's `page` and `maxPage`), saying where it is. */
export function Pager({
  label,
  page,
  maxPage,
  onPage,
}: {
  label: string;
  page: number;
  maxPage: number;
  onPage: (page: number) => void;
}) {
  if (maxPage <= 1) return null;
  return (
    <nav aria-label={`${label} pages`} className="pager">
      <button className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span>
        Page {page} of {maxPage}
      </span>
      <button className="secondary" disabled={page >= maxPage} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
