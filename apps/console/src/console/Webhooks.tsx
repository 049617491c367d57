import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Time, timeWords } from '../components/Time.js';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed, QueryState } from '../ui.js';
import type { Can } from './session.js';

/** A delivery's state in words: a pending one is retrying once it has failed, waiting before its first try. */
const deliveryState = (d: { status: 'pending' | 'succeeded' | 'failed'; attempts: number }) =>
  d.status === 'pending'
    ? d.attempts > 0
      ? 'Retrying'
      : 'Waiting'
    : d.status === 'succeeded'
      ? 'Delivered'
      : 'Failed';

/** Kardow subscriptions and Polar endpoints together; Polar deliveries with their last answer, and redelivery. */
export function Webhooks({ can }: { can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const admin = can('admin');
  const subscriptions = useQuery({ ...trpc.webhooks.subscriptions.list.queryOptions({}), enabled: admin });
  const endpoints = useQuery({ ...trpc.webhooks.endpoints.list.queryOptions({ limit: 100 }), enabled: admin });
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
      <h2>Where events go</h2>
      <QueryState
        pending={subscriptions.isPending || endpoints.isPending}
        error={subscriptions.error ?? endpoints.error}
      >
        <table>
          <thead>
            <tr>
              <th>Surface</th>
              <th>Events</th>
              <th>URL</th>
              <th>Enabled</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.data?.map((s) => (
              <tr key={s.id}>
                <td>Kardow ({s.target_type})</td>
                <td>{s.event}</td>
                <td>{s.target_url}</td>
                <td>{s.is_enabled ? 'Enabled' : 'Disabled'}</td>
              </tr>
            ))}
            {endpoints.data?.items.map((e) => (
              <tr key={e.id}>
                <td>Polar ({e.format})</td>
                <td>{e.events.join(', ')}</td>
                <td>{e.url}</td>
                <td>{e.enabled ? 'Enabled' : 'Disabled'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {subscriptions.data?.length === 0 && endpoints.data?.items.length === 0 && <p>No webhooks yet.</p>}
      </QueryState>
      <h2>Every delivery</h2>
      <QueryState
        pending={recent.isPending}
        error={recent.error}
        empty={recent.data?.length === 0 && 'Nothing delivered yet.'}
      >
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
                <td>{d.url}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
      <h2>Polar delivery attempts</h2>
      <QueryState
        pending={deliveries.isPending}
        error={deliveries.error}
        empty={deliveries.data?.items.length === 0 && 'No deliveries attempted yet.'}
      >
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
      </QueryState>
      {redeliver.error && <ErrorNote error={redeliver.error} />}
      {redeliver.isSuccess && <p role="status">Redelivery scheduled.</p>}
    </section>
  );
}
