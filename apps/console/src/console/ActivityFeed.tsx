import { useState } from 'react';
import { useSubscription } from '@trpc/tanstack-react-query';
import type { LoggedEvent } from '@members/contracts';
import { money, subscriptionLabels } from '../components/labels.js';
import { Time } from '../components/Time.js';
import { messageOf, useTRPC } from '../trpc.js';

/** Events kept on the page, newest first. */
const shown = 20;

/** What happened, in words. */
export function eventWords(event: LoggedEvent): string {
  switch (event.type) {
    case 'user.created':
      return `New member ${event.data.member.email}`;
    case 'user.updated':
      return `Member ${event.data.member.email} changed`;
    case 'user.deleted':
      return 'A member was erased';
    case 'subscription.created':
      return `A subscription started (${subscriptionLabels[event.data.access.status].toLowerCase()})`;
    case 'subscription.updated':
      return `A subscription changed (${subscriptionLabels[event.data.access.status].toLowerCase()})`;
    case 'subscription.canceled':
      return 'A subscription was canceled';
    case 'payment.received':
      return `Payment of ${money(event.data.payment.amount, event.data.payment.currency)} received`;
    case 'member.created':
      return `${event.data.email} joined a customer's team`;
    case 'member.updated':
      return `Team member ${event.data.email} changed`;
    case 'member.deleted':
      return `Team member ${event.data.email} left`;
    case 'customer.created':
      return `New customer ${event.data.name ?? event.data.email ?? event.data.id}`;
    case 'customer.updated':
      return `Customer ${event.data.name ?? event.data.email ?? event.data.id} changed`;
    case 'customer.deleted':
      return 'A customer was deleted';
  }
}

/**
 * The organization's changes as they happen, through the `events.stream` subscription: what the key may read,
 * from the moment the page opened (the link reconnects by itself, from the last event it showed).
 */
export function ActivityFeed() {
  const trpc = useTRPC();
  const [events, setEvents] = useState<LoggedEvent[]>([]);
  const stream = useSubscription(
    trpc.events.stream.subscriptionOptions(
      {},
      { onData: ({ data }) => setEvents((kept) => [data, ...kept].slice(0, shown)) },
    ),
  );
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">Live activity</h2>
      <p role="status" className="note">
        {stream.status === 'pending'
          ? events.length === 0
            ? 'Listening: changes appear here as they are made.'
            : 'Listening.'
          : stream.status === 'error'
            ? `The live feed stopped: ${messageOf(stream.error)}`
            : stream.status === 'connecting'
              ? 'Connecting…'
              : 'Not listening.'}
      </p>
      <ol aria-label="Live activity" className="activity">
        {events.map((event) => (
          <li key={event.id}>
            <Time iso={event.createdAt} /> {eventWords(event)}
          </li>
        ))}
      </ol>
    </section>
  );
}
