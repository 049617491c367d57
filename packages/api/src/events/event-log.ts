import {
  eventReadScope,
  fromWire,
  grants,
  loggedEventType,
  type EventList,
  type EventListInput,
  type LoggedEvent,
  type LoggedEventType,
  type SurfaceName,
} from '@members/contracts';
import { rawQuery, type EntityManager } from '@members/db';
import { DomainError } from '../errors.js';
import type { RequestScope } from '../request-scope.js';

interface EventRow {
  position: string | number;
  surface: SurfaceName;
  type: LoggedEventType;
  payload: string;
}

/**
 * The types of `asked` (every type when absent) the caller's scopes may read. Asking only for types it may not read
 * is its 403; asking for none at all is not possible (the contract).
 */
export function readableTypes(scope: RequestScope, asked: readonly LoggedEventType[] | undefined): LoggedEventType[] {
  const granted = scope.key?.scopes ?? [];
  const readable = (asked ?? loggedEventType.options).filter((type) => grants(granted, eventReadScope(type)));
  if (readable.length === 0) {
    throw new DomainError(
      'forbidden',
      asked
        ? `Your API key may read none of these events (${asked.join(', ')})`
        : 'Your API key may read no event: members:read or customers:read is needed',
    );
  }
  return readable;
}

/**
 * Checks that the log still holds the event `id` names. One it no longer holds (pruned after EVENT_RETENTION_DAYS)
 * or never held is the caller's to resolve: whatever came after it may be gone too, so it must read the current
 * state again rather than trust a resumed stream.
 */
export async function assertLogged(scope: RequestScope, id: string, field: string): Promise<void> {
  const [row] = await rawQuery<{ position: string | number }>(
    scope.em,
    'select position from webhook_event where organization_id = ? and position = ?',
    [scope.organization.id, id],
  );
  if (!row) {
    throw new DomainError(
      'event_id_expired',
      `Event ${id} is not in this organization's log: it is older than the log keeps, or was never an event here. Read the current state again, then follow the log without ${field}.`,
    );
  }
}

/** The organization's latest event id, where a stream that starts now begins ('0' while its log is empty). */
export async function headOf(em: EntityManager, organizationId: number): Promise<string> {
  const [row] = await rawQuery<{ position: string | number }>(
    em,
    'select position from webhook_event where organization_id = ? order by position desc limit 1',
    [organizationId],
  );
  return String(row?.position ?? 0);
}

/**
 * Up to `limit` events of `types` (of every type when absent) after the event `after` in organization
 * `organizationId`'s log, in the log's order. Within an organization the log's order is commit order (its migration
 * says how positions are taken), so a reader that has passed an id can never later meet a smaller one.
 */
export async function eventsAfter(
  em: EntityManager,
  organizationId: number,
  after: string,
  types: readonly LoggedEventType[] | undefined,
  limit: number,
): Promise<LoggedEvent[]> {
  const ofTypes = types ? ` and type in (${types.map(() => '?').join(', ')})` : '';
  const rows = await rawQuery<EventRow>(
    em,
    `select position, surface, type, payload from webhook_event
      where organization_id = ? and position > ?${ofTypes}
      order by position limit ?`,
    [organizationId, after, ...(types ?? []), limit],
  );
  return rows.map(loggedEventOf);
}

/** An event row as the log serves it: its webhook body's time and data, Polar's data in camelCase. */
function loggedEventOf(row: EventRow): LoggedEvent {
  const body = JSON.parse(row.payload) as { timestamp: string; data: unknown };
  const data = row.surface === 'polar' ? fromWire(body.data) : body.data;
  // The contract's union on `type`: the caller (`invoke`, the stream's feed) holds each event to it.
  return {
    id: String(row.position),
    surface: row.surface,
    type: row.type,
    createdAt: body.timestamp,
    data,
  } as LoggedEvent;
}

/** `events.list` and `GET /events`: a page of the log after `after` (from its start without), oldest first. */
export async function listEvents(scope: RequestScope, input: EventListInput): Promise<EventList> {
  const types = readableTypes(scope, input.types);
  if (input.after) await assertLogged(scope, input.after, 'after');
  const events = await eventsAfter(scope.em, scope.organization.id, input.after ?? '0', types, input.limit);
  return {
    data: events,
    // Where to read on from, now or later: the page's last event, else where this page began.
    nextCursor: events.at(-1)?.id ?? input.after ?? null,
    hasMore: events.length === input.limit,
  };
}
