import { useState } from 'react';
import type { MemberSyncInput } from '@members/client';
import { useTRPCClient } from '../trpc.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorNote, notAllowed } from '../ui.js';
import type { Can } from './session.js';

interface Failure {
  line: number;
  message: string;
}

/** A CSV row as the admin import reads one: columns are sync fields, `customFields.<key>` columns custom fields. */
function csvRows(text: string): { line: number; value: unknown }[] {
  const parse = (line: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    return [...cells, cell];
  };
  const [head = '', ...lines] = text.split(/\r?\n/);
  const columns = parse(head);
  return lines.flatMap((line, i) => {
    if (!line.trim()) return [];
    const value: Record<string, unknown> = {};
    const custom: Record<string, string> = {};
    parse(line).forEach((cell, c) => {
      const column = columns[c] ?? '';
      if (cell === '') return;
      if (column.startsWith('customFields.')) custom[column.slice('customFields.'.length)] = cell;
      else value[column] = cell;
    });
    if (Object.keys(custom).length) value.customFields = custom;
    return [{ line: i + 2, value }];
  });
}

function jsonlRows(text: string): { line: number; value: unknown }[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [{ line: i + 1, value: JSON.parse(line) as unknown }];
    } catch {
      return [{ line: i + 1, value: '(not JSON)' }];
    }
  });
}

/** A CSV or JSON Lines file from the browser, synced a batch at a time, with progress and every refused line. */
export function ImportFile({ can }: { can: Can }) {
  const client = useTRPCClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<string | null>(null);
  if (!can('members:write')) return <p role="status">{notAllowed('members:write')}</p>;

  async function run(file: File) {
    setFailures([]);
    setError(null);
    setSummary(null);
    const text = await file.text();
    const rows = /\.csv$/i.test(file.name) ? csvRows(text) : jsonlRows(text);
    setProgress({ done: 0, total: rows.length });
    let created = 0;
    let updated = 0;
    const refused: Failure[] = [];
    try {
      for (let start = 0; start < rows.length; start += 500) {
        const batch = rows.slice(start, start + 500);
        // The server checks every item against the contract; a bad line is its own failure, never the batch's.
        const result = await client.members.syncBatch.mutate({
          members: batch.map((row) => row.value as MemberSyncInput),
        });
        created += result.created;
        updated += result.updated;
        for (const item of result.results) {
          if (!item.error) continue;
          const issues = item.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
          refused.push({ line: batch[item.index]?.line ?? 0, message: [item.error.message, ...issues].join('; ') });
        }
        setProgress({ done: Math.min(start + 500, rows.length), total: rows.length });
        setFailures([...refused]);
      }
      setSummary(`${rows.length} rows: ${created} created, ${updated} updated, ${refused.length} failed`);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import members</h1>
      <p className="note">
        A CSV file (columns are sync fields; customFields.KEY columns) or JSON Lines (one sync body a line).
      </p>
      <label>
        File to import
        <input
          type="file"
          accept=".csv,.jsonl,.ndjson"
          onChange={(e) => e.target.files?.[0] && void run(e.target.files[0])}
        />
      </label>
      {progress && (
        <p>
          <label>
            Import progress
            <progress max={progress.total} value={progress.done} />
          </label>{' '}
          {progress.done} of {progress.total}
        </p>
      )}
      {summary && <p role="status">{summary}</p>}
      {error !== null && <ErrorNote error={error} />}
      {failures.length > 0 && (
        <DataTable
          label="Refused lines"
          rows={failures}
          rowKey={(failure) => String(failure.line)}
          empty="No line was refused."
          columns={[
            { header: 'Line', cell: (failure) => failure.line },
            { header: 'Why', cell: (failure) => failure.message, wrap: true },
          ]}
        />
      )}
    </section>
  );
}
