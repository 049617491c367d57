import type { Request, RequestHandler, Response } from 'express';
import type { Context, DomainError } from '@members/api';
import type { LoggedEvent } from '@members/contracts';
import { eventStreamTiming, openEvents } from './router.js';

export interface EventStreamRouteOptions {
  createContext(req: Request, calls: number): Context;
  /** The headers an answer carries beyond tRPC's own (rate limits). */
  headers(ctx: Context | undefined, errors: DomainError[]): Record<string, string>;
}

/** What tRPC's SSE answers carry: no cache or proxy may hold the stream back. */
const sseHeaders = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};
const { ping, client } = eventStreamTiming;

/** An event as an SSE message, made once however many streams send it (the feed shares its events). */
const messages = new WeakMap<LoggedEvent, string>();
function messageOf(event: LoggedEvent): string {
  let message = messages.get(event);
  if (message === undefined) {
    message = `data: ${JSON.stringify(event)}\nid: ${event.id}\n\n`;
    messages.set(event, message);
  }
  return message;
}

/** The stream's input as `httpSubscriptionLink` sends it, with the id an EventSource resends, as tRPC reads them. */
function inputOf(req: Request): unknown {
  const url = new URL(req.url, 'http://stream');
  const sent = url.searchParams.get('input');
  const input: unknown = sent === null ? undefined : JSON.parse(sent);
  const lastEventId =
    req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? url.searchParams.get('Last-Event-Id');
  if (typeof lastEventId !== 'string' || lastEventId === '') return input;
  if (input === undefined) return { lastEventId };
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...input, lastEventId } : input;
}

const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });

/**
 * `events.stream` as tRPC serves it over SSE (`connected`, then each event's `data` and `id`, a `ping` when quiet),
 * written straight to the response: each page of events the stream reads goes out in one write, each event made
 * into its message once for every stream. tRPC's producer takes an event through several async generators, a web
 * stream, a timer race and its own JSON per stream; at 300 events a second to 200 streams that was more than a core.
 * Refusals (no key, a bad input, an id the log no longer holds) go on to tRPC, which runs the same procedure, meets
 * the same refusal and tells it in its own format. `event-stream.test.ts` follows both through the real client.
 */
export function eventStreamRoute(options: EventStreamRouteOptions): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' || req.path !== '/events.stream') return next();
    const ctx = options.createContext(req, 1);
    const ended = new AbortController();
    let events: AsyncIterable<LoggedEvent[]>;
    try {
      events = await openEvents(ctx, inputOf(req), ended.signal);
    } catch {
      return next();
    }
    res.on('close', () => ended.abort());
    res.writeHead(200, { ...sseHeaders, ...options.headers(ctx, []) });
    res.write(`event: connected\ndata: ${JSON.stringify(client)}\n\n`);
    let wrote = Date.now();
    const pinging = setInterval(() => {
      if (Date.now() - wrote < ping.intervalMs || res.writableNeedDrain) return;
      res.write('event: ping\ndata: \n\n');
      wrote = Date.now();
    }, ping.intervalMs / 2);
    try {
      for await (const page of events) {
        const written = res.write(page.map(messageOf).join(''));
        wrote = Date.now();
        if (!written) await drained(res);
      }
    } catch {
      // The log could not be read: the client connects again from its last event, to whichever server answers.
      res.destroy();
    } finally {
      clearInterval(pinging);
    }
  };
}
