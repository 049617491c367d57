import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { kardowEventTypes, kardowTargetType, polarEmittedEventTypes, webhookFormat } from '@members/contracts';
import { Choice } from '../../components/Choice.js';
import { useTRPC } from '../../trpc.js';
import { ErrorNote } from '../../ui.js';
import { EventBoxes } from './EventBoxes.js';

const surfaces = ['kardow', 'polar'] as const;
const surfaceLabels = { kardow: 'Kardow subscription (one event)', polar: 'Polar endpoint (several events)' };
const kardowEvents = [...kardowEventTypes, '*'] as const;
const kardowEventLabels = Object.fromEntries(
  kardowEvents.map((event) => [event, event === '*' ? 'Every event' : event]),
) as Record<(typeof kardowEvents)[number], string>;
const targetLabels = { webhook: 'Signed webhook', discord: 'Discord message', slack: 'Slack message' };
const formatLabels = { raw: 'Signed webhook (raw)', discord: 'Discord message', slack: 'Slack message' };

/** Adds a Kardow subscription or a Polar endpoint; the signing secret is shown once, here. */
export function AddWebhook() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const [surface, setSurface] = useState<(typeof surfaces)[number]>('polar');
  const [events, setEvents] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const subscribe = useMutation(trpc.webhooks.subscriptions.create.mutationOptions({ onSuccess: refresh }));
  const create = useMutation(trpc.webhooks.endpoints.create.mutationOptions({ onSuccess: refresh }));
  const error = surface === 'kardow' ? subscribe.error : create.error;
  return (
    <>
      <form
        aria-label="Add a webhook"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const fields = new FormData(form);
          const url = String(fields.get('url'));
          const done = (shown: string | undefined) => (setSecret(shown ?? null), form.reset(), setEvents([]));
          if (surface === 'kardow') {
            const chosen = kardowEvents.find((e) => e === fields.get('event')) ?? '*';
            const target = kardowTargetType.options.find((t) => t === fields.get('target')) ?? 'webhook';
            subscribe.mutate(
              { event: chosen, target_type: target, target_url: url },
              { onSuccess: (answer) => done(answer.subscription.secret) },
            );
          } else {
            const format = webhookFormat.options.find((f) => f === fields.get('format')) ?? 'raw';
            const chosen = polarEmittedEventTypes.filter((e) => events.includes(e));
            create.mutate({ url, format, events: chosen }, { onSuccess: (endpoint) => done(endpoint.secret) });
          }
        }}
      >
        <Choice
          label="Kind"
          options={surfaces}
          labels={surfaceLabels}
          value={surface}
          onChange={(s) => s && setSurface(s)}
        />
        <label>
          URL
          <input name="url" type="url" required placeholder="https://example.com/hooks" />
        </label>
        {surface === 'kardow' ? (
          <>
            <Choice label="Event" name="event" options={kardowEvents} labels={kardowEventLabels} defaultValue="*" />
            <Choice label="Sent as" name="target" options={kardowTargetType.options} labels={targetLabels} />
          </>
        ) : (
          <>
            <Choice label="Format" name="format" options={webhookFormat.options} labels={formatLabels} />
            <EventBoxes legend="Events" options={polarEmittedEventTypes} chosen={events} onChange={setEvents} />
          </>
        )}
        <button type="submit">Add webhook</button>
      </form>
      {error && <ErrorNote error={error} />}
      {secret && (
        <p role="status">
          Added. Its signing secret, shown only now: <span className="secret">{secret}</span>
        </p>
      )}
    </>
  );
}
