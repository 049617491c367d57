import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { TRPCError } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { DomainError, domainErrorOf, metrics, type Context } from '@members/api';
import { maxTrpcBatchCalls } from '@members/contracts';
import {
  defaultBodyLimitBytes,
  idempotency,
  keyedRequestOf,
  noteError,
  rateLimitHeaders,
  requestIdOf,
  type SurfaceOptions,
} from '@members/http';
import { eventStreamRoute } from './event-stream-route.js';
import { trpcMutations } from './mutations.js';
import { sendTrpcError, trpcMethods, trpcRequestErrors } from './request-errors.js';
import { appRouter } from './router.js';

/** The headers a tRPC answer carries beyond tRPC's own: the rate limit, and when to retry. */
function answerHeaders(ctx: Context | undefined, errors: DomainError[]): Record<string, string> {
  const retryAfter = errors.find((error) => error.retryAfter !== undefined)?.retryAfter;
  return {
    ...rateLimitHeaders(ctx?.rateLimit),
    ...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
  };
}

/** tRPC's adapter hands over TRPCErrors: ours carry the DomainError they render. */
const domainErrors = (errors: TRPCError[]) =>
  errors.flatMap((error) => (error.cause instanceof DomainError ? [error.cause] : []));

/** A 5xx of a procedure, left for the request log as every surface leaves it (the answer's headers are tRPC's). */
const noteFault = (error: DomainError, req: Request) => {
  if (error.status >= 500 && req.res) noteError(req.res, error);
};

/** The subscriptions' SSE responses open in this process. */
const eventStreams = new Set<Response>();

/**
 * Drops every subscription's connection: a stream never finishes by itself, so a server shutting down cuts them,
 * and each client (its EventSource) connects again, to another server, from its last event's id. A stream ended
 * cleanly would instead tell the client the subscription is over.
 */
export function dropEventStreams(): void {
  for (const stream of eventStreams) stream.destroy();
}

/**
 * How long a stream may wait on its client to read what was written before it is dropped. A stream writes only as
 * its client reads (each write waits for `drain`, and the stream reads its feed only when pulled), so a client
 * that stops reading costs the server its socket's buffers and no more; past this it costs nothing, and a live client
 * connects again from its last event's id.
 */
const stalledStreamMs = 30_000;
const stalledSince = new Map<Response, number>();
let sweep: NodeJS.Timeout | undefined;

function dropStalledStreams(): void {
  const now = Date.now();
  for (const stream of eventStreams) {
    if (!stream.writableNeedDrain) {
      stalledSince.delete(stream);
      continue;
    }
    const since = stalledSince.get(stream) ?? now;
    stalledSince.set(stream, since);
    if (now - since < stalledStreamMs) continue;
    metrics.eventStreamsDropped.inc();
    stream.destroy();
  }
}

const trackEventStreams = (req: Request, res: Response, next: NextFunction) => {
  if (req.method === 'GET' && req.headers.accept?.includes('text/event-stream')) {
    eventStreams.add(res);
    metrics.eventStreamsOpen.set(eventStreams.size);
    sweep ??= setInterval(dropStalledStreams, stalledStreamMs / 6).unref();
    res.on('close', () => {
      eventStreams.delete(res);
      metrics.eventStreamsOpen.set(eventStreams.size);
      stalledSince.delete(res);
      if (eventStreams.size > 0) return;
      clearInterval(sweep);
      sweep = undefined;
    });
  }
  next();
};

/**
 * Serves every procedure over tRPC at `/trpc`: JSON mutations on the short path (`mutations.ts`), everything else
 * through tRPC's Express adapter; both behind the same Idempotency-Key handling as REST.
 */
export function mountTrpc(app: Express, options: SurfaceOptions): void {
  const bodyLimit = options.bodyLimitBytes ?? defaultBodyLimitBytes;
  const contextOf = (req: Request, calls: number) =>
    options.createContext({
      headers: req.headers,
      clientAddress: req.socket.remoteAddress,
      calls,
      keyed: req.res && keyedRequestOf(req.res),
      // The console's pages say so: its changes are the console's in the audit trail.
      surface: req.headers['x-trpc-source'] === 'console' ? 'console' : 'trpc',
      requestId: req.res && requestIdOf(req.res),
    });
  app.use(
    '/trpc',
    trpcMethods,
    // Read as text, whatever its type: tRPC parses it, and an Idempotency-Key fingerprints it.
    express.text({ type: () => true, limit: bodyLimit }),
    idempotency(
      options.idempotency,
      sendTrpcError,
      (req) => (typeof req.body === 'string' ? req.body : ''),
      options.onFault,
    ),
    trpcMutations({ createContext: contextOf, headers: answerHeaders, onError: noteFault }),
    trackEventStreams,
    eventStreamRoute({ createContext: contextOf, headers: answerHeaders }),
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, info }) => contextOf(req, info.calls.length),
      maxBodySize: bodyLimit,
      maxBatchSize: maxTrpcBatchCalls,
      // httpLink's `methodOverride: 'POST'` sends queries as POST (long inputs, or URLs a proxy would log).
      allowMethodOverride: true,
      responseMeta: ({ ctx, errors }) => ({ headers: answerHeaders(ctx, domainErrors(errors)) }),
      onError: ({ error, req }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') noteFault(domainErrorOf(error.cause ?? error), req);
      },
    }),
    trpcRequestErrors,
  );
}
