import { z } from 'zod';
import type { ProcedureScope } from './enums.js';
import { kardowEvents, polarEvents } from './webhooks/events.js';

/**
 * The event log: every change's event, kept `EVENT_RETENTION_DAYS` whether or not a webhook endpoint subscribes,
 * read a page at a time (`events.list`, `GET /events`) or live (`events.stream`). An event's `id` is its place in the
 * organization's log, to be handed back as it came (`after`, `lastEventId`): the log's order is the order its changes
 * committed, and ids grow in it.
 */
const eventOf = <S extends 'kardow' | 'polar', T extends string, D extends z.ZodType>(surface: S, type: T, data: D) =>
  z.object({
    id: z.string(),
    surface: z.literal(surface),
    type: z.literal(type),
    /** When the change was made (ISO 8601). */
    createdAt: z.string(),
    data,
  });

const kardowLogged = Object.entries(kardowEvents).map(([type, data]) => eventOf('kardow', type, data));
// Unnamed copies of Polar's shapes: in the log they are camelCase, where Polar's routes name them in snake_case.
const polarLogged = Object.entries(polarEvents).map(([type, data]) => eventOf('polar', type, z.object(data.shape)));

type LoggedOf<S extends 'kardow' | 'polar', C extends Record<string, z.ZodType>> = {
  [T in keyof C & string]: { id: string; surface: S; type: T; createdAt: string; data: z.output<C[T]> };
}[keyof C & string];

/** One event as the log serves it: a union on `type`, so `data` narrows to that event's shape (camelCase). */
export type LoggedEvent = LoggedOf<'kardow', typeof kardowEvents> | LoggedOf<'polar', typeof polarEvents>;
// Its members are made from the catalogue by a map, which TypeScript cannot follow to a tuple: `LoggedEvent`, written
// from the same catalogue, says the type the union has.
export const loggedEvent = z
  .discriminatedUnion('type', [...kardowLogged, ...polarLogged] as unknown as [z.ZodObject, ...z.ZodObject[]])
  .meta({ id: 'Event' }) as unknown as z.ZodType<LoggedEvent>;

export const loggedEventType = z.enum([
  ...(Object.keys(kardowEvents) as (keyof typeof kardowEvents)[]),
  ...(Object.keys(polarEvents) as (keyof typeof polarEvents)[]),
]);
export type LoggedEventType = z.infer<typeof loggedEventType>;

/** The scope a key needs to read an event of `type`: customers' events need customers:read, the others members:read. */
export const eventReadScope = (type: LoggedEventType): ProcedureScope =>
  type.startsWith('customer.') ? 'customers:read' : 'members:read';

/** An event id as the log gave it: its position, digits. */
const eventId = z.string().regex(/^[1-9]\d{0,18}$/, 'Not an event id this service gave: pass an event’s id as it came');

/** Types to keep, as a list (`?types=a&types=b` or `?types=a,b` on REST); all the caller may read when absent. */
const typesFilter = z
  .preprocess(
    (value) =>
      typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
        ? [value]
            .flat()
            .flatMap((item: string) => item.split(','))
            .filter((type) => type !== '')
        : value,
    z.array(loggedEventType).min(1).max(loggedEventType.options.length),
  )
  .optional();

/** `events.list` and `GET /events`: the log, oldest first, a page at a time after `after`. */
export const eventListInput = z.object({
  after: eventId.optional(),
  types: typesFilter,
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type EventListInput = z.infer<typeof eventListInput>;

export const eventList = z
  .object({
    data: z.array(loggedEvent),
    /** Pass it as `after` to read on, now or later: the page's last event (null only while the log is empty). */
    nextCursor: z.string().nullable(),
    /** Whether more events were there already: a page was as long as asked. */
    hasMore: z.boolean(),
  })
  .meta({ id: 'EventList' });
export type EventList = z.infer<typeof eventList>;

/** `events.stream`: from now on, or, with `lastEventId`, every event after that one first. */
export const eventStreamInput = z.object({ types: typesFilter, lastEventId: eventId.optional() });
export type EventStreamInput = z.infer<typeof eventStreamInput>;
