import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  kardowEventTypes,
  kardowTargetType,
  polarEmittedEventTypes,
  webhookFormat,
  surfaceName,
  type SurfaceName,
} from '@members/contracts';
import { Choice } from '../../components/Choice.js';
import { useTRPC } from '../../trpc.js';
import { Form } from '../../components/Form.js';
import { EventBoxes } from './EventBoxes.js';

const surfaceLabels: Record<SurfaceName, string> = {
  kardow: 'Kardow subscription (one event)',
  polar: 'Polar endpoint (several events)',
};
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
  const [surface, setSurface] = useState<SurfaceName>('polar');
  const [events, setEvents] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const subscribe = useMutation(trpc.webhooks.subscriptions.create.mutationOptions({ onSuccess: refresh }));
  const create = useMutation(trpc.webhooks.endpoints.create.mutationOptions({ onSuccess: refresh }));
  return (
    <>
      <Form
        label="Add a webhook"
        submit="Add webhook"
        sending={surface === 'kardow' ? subscribe : create}
        clear
        onSubmit={async (values) => {
          const url = values.text('url');
          if (surface === 'kardow') {
            const answer = await subscribe.mutateAsync({
              event: values.choice('event', kardowEvents),
              target_type: values.choice('target', kardowTargetType.options),
              target_url: url,
            });
            setSecret(answer.subscription.secret ?? null);
          } else {
            const endpoint = await create.mutateAsync({
              url,
              format: values.choice('format', webhookFormat.options),
              events: polarEmittedEventTypes.filter((e) => events.includes(e)),
            });
            setSecret(endpoint.secret);
          }
          setEvents([]);
        }}
      >
        <Choice
          label="Kind"
          options={surfaceName.options}
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
      </Form>
      {secret && (
        <p role="status">
          Added. Its signing secret, shown only now: <span className="secret">{secret}</span>
        </p>
      )}
    </>
  );
}
