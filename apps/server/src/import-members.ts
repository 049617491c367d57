import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import { parse } from 'csv-parse';
import { syncMemberBatch, type RequestScope } from '@members/api';

export type ImportFormat = 'csv' | 'jsonl';

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  failed: number;
  /** Every row refused, by line number: memory grows with the failures only, never with the rows written. */
  failures: { line: number; status: number; code: string; message: string }[];
}

/** A line of JSON Lines, or a CSV record (`customFields.<key>` columns become custom fields; empty cells are left out). */
async function* records(file: string, format: ImportFormat, onBytes: (bytes: number) => void) {
  const stream = createReadStream(file);
  stream.on('data', (chunk) => onBytes(chunk.length));
  if (format === 'jsonl') {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      try {
        yield { line, value: JSON.parse(text) as unknown };
      } catch {
        yield { line, value: undefined, unreadable: true };
      }
    }
    return;
  }
  let line = 1;
  for await (const row of stream.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true }))) {
    line++;
    const value: Record<string, unknown> = {};
    const customFields: Record<string, string> = {};
    for (const [column, cell] of Object.entries(row as Record<string, string>)) {
      if (cell === '') continue;
      if (column.startsWith('customFields.')) customFields[column.slice('customFields.'.length)] = cell;
      else value[column] = cell;
    }
    if (Object.keys(customFields).length > 0) value.customFields = customFields;
    yield { line, value };
  }
}

/**
 * Streams a file of members into the organization, `batchSize` rows at a time, as `POST /members/sync/batch`
 * would (rows alike in one statement, any other row in its own transaction). Memory stays flat whatever the file's size: the next rows are
 * read only once a batch is written. Sync upserts by email, so running it again after a failure or a kill
 * duplicates nobody: rows already in are updates the second time.
 */
export async function importMembers(
  scope: () => Promise<RequestScope>,
  file: string,
  format: ImportFormat,
  options: { batchSize?: number; progress?: boolean } = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const summary: ImportSummary = { rows: 0, created: 0, updated: 0, failed: 0, failures: [] };
  const bar = options.progress
    ? new SingleBar({ format: 'import [{bar}] {percentage}% | {rows} rows | {eta}s left' })
    : null;
  let bytes = 0;
  bar?.start(statSync(file).size, 0, { rows: 0 });
  let pending: { line: number; value: unknown }[] = [];
  const write = async (batch: typeof pending) => {
    const result = await syncMemberBatch(await scope(), { members: batch.map((row) => row.value) });
    summary.created += result.created;
    summary.updated += result.updated;
    summary.failed += result.failed;
    for (const item of result.results) {
      if (!item.error) continue;
      const message = [item.error.message, ...item.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)];
      summary.failures.push({
        line: batch[item.index]?.line ?? 0,
        status: item.status,
        code: item.error.code,
        message: message.join('; '),
      });
    }
    bar?.update(bytes, { rows: summary.rows });
  };
  // One batch is written while the next is read: the file and the database work at once, batches stay in order,
  // and no more than two are ever held in memory.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const previous = writing;
    writing = previous.then(() => write(batch));
    // A failed write is thrown where it is awaited (here, next time, or at the end), never left unhandled.
    writing.catch(() => undefined);
    await previous;
  };
  for await (const row of records(file, format, (read) => (bytes += read))) {
    summary.rows++;
    if ('unreadable' in row) {
      summary.failed++;
      summary.failures.push({ line: row.line, status: 400, code: 'invalid_json', message: 'The line is not JSON' });
      continue;
    }
    pending.push(row);
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  await writing;
  bar?.update(bytes, { rows: summary.rows });
  bar?.stop();
  // Unreadable lines are noted as read, the others once their batch is written: report them in file order.
  summary.failures.sort((a, b) => a.line - b.line);
  return summary;
}
