import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { kardowEventTypes, polarEmittedEventTypes, type SurfaceName } from '@members/contracts';
import { Choice } from '../../components/Choice.js';
import { DataTable } from '../../components/DataTable.js';
import { surfaceLabels } from '../../components/labels.js';
import { Time } from '../../components/Time.js';
import { useTRPC } from '../../trpc.js';
import { ErrorNote } from '../../ui.js';
import { EventBoxes } from './EventBoxes.js';

const kardowEvents = [...kardowEventTypes, '*'] as const;
const kardowEventLabels = Object.fromEntries(
  kardowEvents.map((event) => [event, event === '*' ? 'Every event' : event]),
) as Record<(typeof kardowEvents)[number], string>;

/** A Kardow subscription or a Polar endpoint, as one row. */
interface Row {
  id: string;
  surface: SurfaceName;
  url: string;
  events: string[];
  enabled: boolean;
  createdAt: string;
}

/** Both surfaces' webhooks, each with its actions: edit its events, enable or disable, rotate the secret, delete. */
export function WebhookRows() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const subscriptions = useQuery(trpc.webhooks.subscriptions.list.queryOptions({}));
  const endpoints = useQuery(trpc.webhooks.endpoints.list.queryOptions({ limit: 100 }));
  const [editing, setEditing] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const options = { onSuccess: () => (refresh(), setEditing(null)) };
  const updateKardow = useMutation(trpc.webhooks.subscriptions.update.mutationOptions(options));
  const rotateKardow = useMutation(trpc.webhooks.subscriptions.rotateSecret.mutationOptions(options));
  const deleteKardow = useMutation(trpc.webhooks.subscriptions.delete.mutationOptions(options));
  const updatePolar = useMutation(trpc.webhooks.endpoints.update.mutationOptions(options));
  const rotatePolar = useMutation(trpc.webhooks.endpoints.resetSecret.mutationOptions(options));
  const deletePolar = useMutation(trpc.webhooks.endpoints.delete.mutationOptions(options));
  const failed = [updateKardow, rotateKardow, deleteKardow, updatePolar, rotatePolar, deletePolar].find((m) => m.error);
  const confirmDelete = (url: string) => window.confirm(`Delete the webhook to ${url}? Its deliveries go with it.`);
  const rows: Row[] = [
    ...(subscriptions.data ?? []).map((s) => ({
      id: s.id,
      surface: 'kardow' as const,
      url: s.target_url,
      events: [s.event],
      enabled: s.is_enabled,
      createdAt: s.created_at,
    })),
    ...(endpoints.data?.items ?? []).map((e) => ({ ...e, surface: 'polar' as const, events: [...e.events] })),
  ];
  const cells = {
    events: (row: Row) =>
      editing !== row.id ? (
        row.events.map((event) => (event === '*' ? 'every event' : event)).join(', ') || 'none'
      ) : row.surface === 'kardow' ? (
        <Choice
          label={`Event of ${row.url}`}
          options={kardowEvents}
          labels={kardowEventLabels}
          defaultValue={kardowEvents.find((e) => e === row.events[0]) ?? '*'}
          onChange={(event) => event && updateKardow.mutate({ id: row.id, event })}
        />
      ) : (
        <EventBoxes
          legend={`Events of ${row.url}`}
          options={polarEmittedEventTypes}
          chosen={row.events}
          onChange={(events) =>
            updatePolar.mutate({ id: row.id, events: polarEmittedEventTypes.filter((e) => events.includes(e)) })
          }
        />
      ),
    actions: (row: Row) => (
      <>
        <button
          className="secondary"
          aria-label={`${editing === row.id ? 'Done editing events' : 'Edit events'} of ${row.url}`}
          onClick={() => setEditing(editing === row.id ? null : row.id)}
        >
          {editing === row.id ? 'Done' : 'Edit events'}
        </button>
        <button
          className="secondary"
          aria-label={`${row.enabled ? 'Disable' : 'Enable'} ${row.url}`}
          onClick={() =>
            row.surface === 'kardow'
              ? updateKardow.mutate({ id: row.id, enabled: !row.enabled })
              : updatePolar.mutate({ id: row.id, enabled: !row.enabled })
          }
        >
          {row.enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          className="secondary"
          aria-label={`Rotate secret of ${row.url}`}
          onClick={() => {
            const shown = {
              onSuccess: (answer: { secret: string }) => setSecret({ url: row.url, secret: answer.secret }),
            };
            if (row.surface === 'kardow') rotateKardow.mutate({ id: row.id }, shown);
            else rotatePolar.mutate({ id: row.id }, shown);
          }}
        >
          Rotate secret
        </button>
        <button
          className="danger"
          aria-label={`Delete ${row.url}`}
          onClick={() =>
            confirmDelete(row.url) &&
            (row.surface === 'kardow' ? deleteKardow.mutate({ id: row.id }) : deletePolar.mutate({ id: row.id }))
          }
        >
          Delete
        </button>
      </>
    ),
  };
  return (
    <>
      <DataTable
        label="Webhooks"
        pending={subscriptions.isPending || endpoints.isPending}
        error={subscriptions.error ?? endpoints.error}
        rows={rows}
        rowKey={(row) => row.id}
        empty="No webhooks yet."
        columns={[
          { header: 'URL', cell: (row) => row.url, wrap: true },
          { header: 'Kind', cell: (row) => surfaceLabels[row.surface] },
          { header: 'Events', cell: cells.events },
          { header: 'State', cell: (row) => (row.enabled ? 'Enabled' : 'Disabled') },
          { header: 'Added', cell: (row) => <Time iso={row.createdAt} /> },
          { header: 'Actions', cell: cells.actions, className: 'actions' },
        ]}
      />
      {failed?.error && <ErrorNote error={failed.error} />}
      {secret && (
        <p role="status">
          New secret of {secret.url}, shown only now: <span className="secret">{secret.secret}</span>
        </p>
      )}
    </>
  );
}
