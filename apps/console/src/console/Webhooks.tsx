import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deliveriesPerPage } from '@members/contracts';
import { DataTable } from '../components/DataTable.js';
import { surfaceLabels } from '../components/labels.js';
import { Time, timeWords } from '../components/Time.js';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed } from '../ui.js';
import type { Can } from './session.js';
import { AddWebhook } from './webhooks/AddWebhook.js';
import { DeliveryDetail } from './webhooks/DeliveryDetail.js';
import { WebhookRows } from './webhooks/WebhookRows.js';

/** A delivery's state in words: a pending one is retrying once it has failed, waiting before its first try. */
const deliveryState = (d: { status: 'pending' | 'succeeded' | 'failed'; attempts: number }) =>
  d.status === 'pending'
    ? d.attempts > 0
      ? 'Retrying'
      : 'Waiting'
    : d.status === 'succeeded'
      ? 'Delivered'
      : 'Failed';

/**
 * Kardow subscriptions and Polar endpoints together, managed here; every delivery, each one opened to its payload and
 * answers; Polar's attempts with redelivery.
 */
export function Webhooks({ can }: { can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const admin = can('admin');
  const [opened, setOpened] = useState<string | null>(null);
  const [recentPage, setRecentPage] = useState(1);
  const [attemptsPage, setAttemptsPage] = useState(1);
  const deliveries = useQuery({
    ...trpc.webhooks.deliveries.list.queryOptions({ limit: 50, page: attemptsPage }),
    enabled: admin,
  });
  const recent = useQuery({ ...trpc.webhooks.deliveries.recent.queryOptions({ page: recentPage }), enabled: admin });
  const redeliver = useMutation(
    trpc.webhooks.events.redeliver.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() }),
    }),
  );
  if (!admin) return <p role="status">{notAllowed('admin')}</p>;
  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <h2>Add a webhook</h2>
      <AddWebhook />
      <h2>Where events go</h2>
      <WebhookRows />
      <h2>Every delivery</h2>
      <DataTable
        label="Every delivery"
        pending={recent.isPending}
        error={recent.error}
        rows={recent.data}
        rowKey={(d) => d.id}
        empty="Nothing delivered yet."
        paging={{ page: recentPage, hasNext: recent.data?.length === deliveriesPerPage, onPage: setRecentPage }}
        columns={[
          { header: 'When', cell: (d) => <Time iso={d.createdAt} /> },
          { header: 'Kind', cell: (d) => surfaceLabels[d.surface] },
          { header: 'Event', cell: (d) => d.type },
          { header: 'Status', cell: deliveryState },
          { header: 'Attempts', cell: (d) => d.attempts },
          { header: 'Last HTTP', cell: (d) => d.lastHttpCode ?? '—' },
          { header: 'URL', cell: (d) => d.url, wrap: true },
          {
            header: 'Open',
            hideHeader: true,
            cell: (d) => (
              <button
                className="secondary"
                aria-label={`Open the ${d.type} delivery to ${d.url} of ${timeWords(new Date(d.createdAt))}`}
                onClick={() => setOpened(d.id)}
              >
                Open
              </button>
            ),
          },
        ]}
      />
      {opened && <DeliveryDetail id={opened} onClose={() => setOpened(null)} />}
      <h2>Polar delivery attempts</h2>
      <DataTable
        label="Polar delivery attempts"
        pending={deliveries.isPending}
        error={deliveries.error}
        rows={deliveries.data?.items}
        rowKey={(d) => d.id}
        empty="No deliveries attempted yet."
        paging={{ page: attemptsPage, maxPage: deliveries.data?.pagination.maxPage ?? 1, onPage: setAttemptsPage }}
        columns={[
          { header: 'When', cell: (d) => <Time iso={d.createdAt} /> },
          { header: 'Event', cell: (d) => d.webhookEvent.type },
          { header: 'Result', cell: (d) => (d.succeeded ? 'Delivered' : 'Failed') },
          { header: 'HTTP', cell: (d) => d.httpCode ?? '—' },
          { header: 'Last response', cell: (d) => d.response?.slice(0, 80) ?? '—', wrap: true },
          {
            header: 'Redeliver',
            hideHeader: true,
            cell: (d) => (
              <button
                className="secondary"
                aria-label={`Redeliver ${d.webhookEvent.type} of ${timeWords(new Date(d.createdAt))}`}
                onClick={() => redeliver.mutate({ id: d.webhookEvent.id })}
              >
                Redeliver
              </button>
            ),
          },
        ]}
      />
      {redeliver.error && <ErrorNote error={redeliver.error} />}
      {redeliver.isSuccess && <p role="status">Redelivery scheduled.</p>}
    </section>
  );
}
