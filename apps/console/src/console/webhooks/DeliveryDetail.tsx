import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../components/DataTable.js';
import { Time } from '../../components/Time.js';
import { useTRPC } from '../../trpc.js';
import { QueryState } from '../../ui.js';

/** A delivery opened: the payload that was sent, and each attempt with the answer the receiver gave. */
export function DeliveryDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const delivery = useQuery(trpc.webhooks.deliveries.get.queryOptions({ id }));
  const pretty = (payload: string) => {
    try {
      return JSON.stringify(JSON.parse(payload), null, 2);
    } catch {
      return payload;
    }
  };
  return (
    <section aria-labelledby="delivery-title" className="detail">
      <QueryState pending={delivery.isPending} error={delivery.error}>
        {delivery.data && (
          <>
            <h3 id="delivery-title">
              {delivery.data.type} to {delivery.data.url}
            </h3>
            <h4>Payload</h4>
            <pre aria-label="Payload" className="payload">
              {pretty(delivery.data.payload)}
            </pre>
            <h4>Attempts</h4>
            <DataTable
              label="Attempts"
              rows={delivery.data.tries}
              rowKey={(attempt) => attempt.createdAt}
              empty="Not tried yet."
              columns={[
                { header: 'When', cell: (attempt) => <Time iso={attempt.createdAt} /> },
                { header: 'Result', cell: (attempt) => (attempt.succeeded ? 'Delivered' : 'Failed') },
                { header: 'HTTP', cell: (attempt) => attempt.httpCode ?? 'no answer' },
                { header: 'Took', cell: (attempt) => `${attempt.durationMs} ms` },
                { header: 'Answer', cell: (attempt) => attempt.response ?? '—', wrap: true },
              ]}
            />
          </>
        )}
      </QueryState>
      <button className="secondary" onClick={onClose}>
        Close the delivery
      </button>
    </section>
  );
}
