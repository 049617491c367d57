import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEntry, AuditSurface } from '@members/contracts';
import { DataTable } from '../components/DataTable.js';
import { Time } from '../components/Time.js';
import { useTRPC } from '../trpc.js';
import type { Can } from './session.js';

const surfaceWords: Record<AuditSurface, string> = {
  rest: 'REST',
  trpc: 'tRPC',
  console: 'console',
  portal: 'customer portal',
  cli: 'command line',
};

/** Who made a change, in words: the key by its name, the portal's member, or the admin command line. */
export function actorWords({ actor }: AuditEntry): string {
  switch (actor.kind) {
    case 'api_key':
      return actor.name ? `API key “${actor.name}”` : `API key ${actor.id?.slice(0, 8) ?? ''}`;
    case 'portal_member':
      return `Team member ${actor.id?.slice(0, 8) ?? ''} (portal)`;
    case 'cli':
      return 'Admin command line';
  }
}

const pageSize = 20;

/**
 * Who changed what: the audit trail, newest first, of the organization or of one record (`record`, its id), with
 * older entries a page at a time. The trail is an admin key's to read: other keys see why it is not shown.
 */
export function AuditTrail({ record, label, can }: { record?: string; label: string; can: Can }) {
  const trpc = useTRPC();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const pages = useQueries({
    queries: cursors.map((after) =>
      trpc.audit.list.queryOptions(
        { limit: pageSize, ...(record ? { record } : {}), ...(after ? { after } : {}) },
        { enabled: can('admin') },
      ),
    ),
  });
  if (!can('admin')) return <p className="note">The history of changes is shown to admin keys.</p>;
  const entries = pages.flatMap((page) => page.data?.data ?? []);
  const next = pages.at(-1)?.data?.nextCursor;
  return (
    <>
      <DataTable
        label={label}
        rows={entries}
        rowKey={(entry) => entry.id}
        pending={pages[0]?.isPending}
        error={pages.find((page) => page.error)?.error}
        empty="No changes yet."
        pageSize={1000}
        columns={[
          { header: 'When', cell: (entry) => <Time iso={entry.at} /> },
          { header: 'Who', cell: actorWords },
          { header: 'Through', cell: (entry) => surfaceWords[entry.surface] },
          { header: 'What', cell: (entry) => entry.procedure },
          { header: 'Fields', cell: (entry) => entry.fields.join(', ') || '—' },
        ]}
      />
      {next && (
        <button className="secondary" onClick={() => setCursors((kept) => [...kept, next])}>
          Show older changes
        </button>
      )}
    </>
  );
}

/** The Activity page: every change in the organization. */
export function Activity({ can }: { can: Can }) {
  return (
    <section aria-labelledby="activity-page-title">
      <h1 id="activity-page-title">Activity</h1>
      <p className="note">Every change, by whom and through what. Fields are named, never their values.</p>
      <AuditTrail label="Changes" can={can} />
    </section>
  );
}
