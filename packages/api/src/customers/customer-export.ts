import type { CustomerExportInput } from '@members/contracts';
import { rowDate } from '@members/db';
import type { RequestScope } from '../request-scope.js';
import { exportBatchAfter } from './customer-repository.js';

/** Polar's columns, in Polar's order; the billing details this service does not keep are empty. */
const header = [
  'ID',
  'External ID',
  'Created At',
  'Email',
  'Name',
  'Tax ID',
  'Billing Address Line 1',
  'Billing Address Line 2',
  'Billing Address City',
  'Billing Address State',
  'Billing Address Zip',
  'Billing Address Country',
  'Metadata',
];

/** Customers read per statement: a page walks the index from the last one, so memory stays flat. */
const batch = 500;

/** A field as Excel's CSV dialect writes it: quoted when it holds a quote, a comma or a line break. */
const field = (value: string | null) =>
  value === null ? '' : /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
const line = (values: (string | null)[]) => `${values.map(field).join(',')}\r\n`;

/** The organization's live customers, oldest first, as Polar's export writes them, a batch of lines at a time. */
export async function* exportCustomers(scope: RequestScope, input: CustomerExportInput): AsyncGenerator<string> {
  yield line(header);
  const asked = input.organizationId === undefined ? [] : [input.organizationId].flat();
  // Another organization's id names nothing this key can read: the header alone, as Polar answers.
  if (asked.length > 0 && !asked.includes(scope.organization.publicId)) return;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows = await exportBatchAfter(scope, after, batch);
    if (rows.length === 0) return;
    yield rows
      .map((row) => {
        const metadata = typeof row.metadata === 'string' ? (JSON.parse(row.metadata) as object) : row.metadata;
        const empty = !metadata || Object.keys(metadata).length === 0;
        const created = rowDate(row.created_at).toISOString();
        return line([
          row.id,
          row.external_id,
          created,
          row.email,
          row.name,
          ...Array<null>(7).fill(null),
          empty ? null : JSON.stringify(metadata),
        ]);
      })
      .join('');
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = { createdAt: rowDate(last.created_at), id: last.id };
  }
}
