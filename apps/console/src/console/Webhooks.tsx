import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Time, timeWords } from '../components/Time.js';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed, QueryState } from '../ui.js';
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
  const deliveries = useQuery({ ...trpc.webhooks.deliveries.list.queryOptions({ limit: 50 }), enabled: admin });
  const recent = useQuery({ ...trpc.webhooks.deliveries.recent.queryOptions({}), enabled: admin });
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
      <QueryState
        pending={recent.isPending}
        error={recent.error}
        empty={recent.data?.length === 0 && 'Nothing delivered yet.'}
      >
        <div className="table-box">
          <table aria-label="Every delivery">
            <thead>
              <tr>
                <th>When</th>
                <th>Surface</th>
                <th>Event</th>
                <th>Status</th>
                <th>Attempts</th>
                <th>Last HTTP</th>
                <th>URL</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {recent.data?.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Time iso={d.createdAt} />
                  </td>
                  <td>{d.surface === 'kardow' ? 'Kardow' : 'Polar'}</td>
                  <td>{d.type}</td>
                  <td>{deliveryState(d)}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastHttpCode ?? '—'}</td>
                  <td className="wrap">{d.url}</td>
                  <td>
                    <button
                      className="secondary"
                      aria-label={`Open the ${d.type} delivery to ${d.url} of ${timeWords(new Date(d.createdAt))}`}
                      onClick={() => setOpened(d.id)}
                    >
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {opened && <DeliveryDetail id={opened} onClose={() => setOpened(null)} />}
      <h2>Polar delivery attempts</h2>
      <QueryState
        pending={deliveries.isPending}
        error={deliveries.error}
        empty={deliveries.data?.items.length === 0 && 'No deliveries attempted yet.'}
      >
        <div className="table-box">
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Event</th>
                <th>Result</th>
                <th>HTTP</th>
                <th>Last response</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {deliveries.data?.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Time iso={d.createdAt} />
                  </td>
                  <td>{d.webhookEvent.type}</td>
                  <td>{d.succeeded ? 'Delivered' : 'Failed'}</td>
                  <td>{d.httpCode ?? '—'}</td>
                  <td>{d.response?.slice(0, 80) ?? '—'}</td>
                  <td>
                    <button
                      className="secondary"
                      aria-label={`Redeliver ${d.webhookEvent.type} of ${timeWords(new Date(d.createdAt))}`}
                      onClick={() => redeliver.mutate({ id: d.webhookEvent.id })}
                    >
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {redeliver.error && <ErrorNote error={redeliver.error} />}
      {redeliver.isSuccess && <p role="status">Redelivery scheduled.</p>}
    </section>
  );
}
