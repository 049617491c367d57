import { useQuery } from '@tanstack/react-query';
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
            <div className="table-box">
              <table aria-label="Attempts">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Result</th>
                    <th scope="col">HTTP</th>
                    <th scope="col">Took</th>
                    <th scope="col">Answer</th>
                  </tr>
                </thead>
                <tbody>
                  {delivery.data.tries.map((attempt, index) => (
                    <tr key={index}>
                      <td>
                        <Time iso={attempt.createdAt} />
                      </td>
                      <td>{attempt.succeeded ? 'Delivered' : 'Failed'}</td>
                      <td>{attempt.httpCode ?? 'no answer'}</td>
                      <td>{attempt.durationMs} ms</td>
                      <td className="wrap">{attempt.response ?? '—'}</td>
                    </tr>
                  ))}
                  {delivery.data.tries.length === 0 && (
                    <tr>
                      <td colSpan={5}>Not tried yet.</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
      <button className="secondary" onClick={onClose}>
        Close the delivery
      </button>
    </section>
  );
}
