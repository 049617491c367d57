import { useState, type ReactNode } from 'react';
import { ErrorNote } from '../ui.js';
import { Pager, type Paging } from './Pager.js';

export interface Column<Row> {
  /** The header's words; a column of buttons names itself for screen readers only (`hideHeader`). */
  header: string;
  cell: (row: Row) => ReactNode;
  hideHeader?: boolean;
  /** Long values (URLs, answers) wrap inside their cell rather than widen the table. */
  wrap?: boolean;
  className?: string;
}

interface DataTableProps<Row> {
  /** The table's accessible name, and its pager's. */
  label: string;
  /** Columns in order; `false` leaves one out (a column only some callers may use). */
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** What an empty list says ("No customers."). */
  empty: string;
  pending?: boolean;
  error?: unknown;
  /** A line above the table, such as the list's total. */
  note?: ReactNode;
  /** Pages the server cuts. Without it, the table cuts the rows it was given into pages of `pageSize`. */
  paging?: Paging;
  pageSize?: number;
}

/**
 * Every list of the console and the portal: its loading, error and empty states in words, a table that scrolls in
 * its own box on a phone, and pages.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  pending = false,
  error,
  note,
  paging,
  pageSize = 25,
}: DataTableProps<Row>) {
  const [localPage, setLocalPage] = useState(1);
  if (pending) return <p role="status">Loading…</p>;
  if (error) return <ErrorNote error={error} />;
  const all = rows ?? [];
  // Client-side pages only for lists the server gives whole (keys, plans); a page past the end after a removal
  // falls back to the last one.
  const localMax = Math.max(1, Math.ceil(all.length / pageSize));
  const page = paging ?? { page: Math.min(localPage, localMax), maxPage: localMax, onPage: setLocalPage };
  const shown = paging ? all : all.slice((page.page - 1) * pageSize, page.page * pageSize);
  const used = columns.filter((column): column is Column<Row> => column !== false);
  return (
    <>
      {note && <p className="note">{note}</p>}
      {shown.length === 0 ? (
        <p role="status">{empty}</p>
      ) : (
        <div className="table-box">
          <table aria-label={label}>
            <thead>
              <tr>
                {used.map((column) => (
                  <th key={column.header} scope="col">
                    {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={rowKey(row)}>
                  {used.map((column) => (
                    <td key={column.header} className={column.wrap ? 'wrap' : column.className}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label={label} {...page} />
    </>
  );
}
