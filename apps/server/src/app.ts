import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { TRPCError } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import {
  appRouter,
  createContextFactory,
  DomainError,
  domainErrorOf,
  faultOf,
  IdempotencyStore,
  metrics,
  type Context,
  type RateLimits,
} from '@members/api';
import type { Database } from '@members/db';
import { maxTrpcBatchCalls } from '@members/contracts';
import { openApiDocument } from '@members/openapi';
import { idempotency, keyedRequestOf, rateLimitHeaders, restRouter, surfaces } from '@members/rest';
import { docsRouter } from './docs.js';
import { webPagesRouter } from './web-pages.js';
import { metricsRouter } from './metrics-route.js';
import { createLogger, requestLog } from './request-log.js';
import { sendTrpcError, trpcHttpErrors } from './trpc-http-errors.js';
import { trpcMutations } from './trpc-mutations.js';

export interface AppOptions {
  db: Database;
  /** Where Idempotency-Key requests are kept; by default in `db`. */
  idempotency?: IdempotencyStore;
  bodyLimitBytes?: number;
  /** The rate limits; none means unlimited. */
  limits?: RateLimits | null;
  logger?: Logger;
  /** Origins a browser may call from; none means no CORS headers. */
  corsOrigins?: string[];
  /** When set, `/metrics` requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Where callers reach this server, when not at the Host they name (a proxy in front). */
  publicUrl?: string | undefined;
}

/** Once shutdown starts, every response closes its connection, so keep-alive clients move on. */
const closeWhenStopping: RequestHandler = (req, res, next) => {
  if (req.app.locals.stopping === true) res.set('Connection', 'close');
  next();
};

/** tRPC speaks GET (queries) and POST (mutations, batches); anything else is 405 in tRPC's error shape. */
const trpcMethods: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'POST') return next();
  res.set('Allow', 'GET, POST');
  sendTrpcError(res, new DomainError('method_not_allowed', `${req.method} is not served here; use GET or POST`));
};

/** Whatever escaped the surfaces (bad percent-encoding in a path, say): answered in the shape of the path's surface. */
const lastErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const surface =
    Object.values(surfaces).find(({ prefixes }) => prefixes.some((prefix) => req.path.startsWith(prefix))) ??
    surfaces.kardow;
  surface.sendError(res, domainErrorOf(error));
};

/** Composition only: the three surfaces and the health checks over one database. */
export function createApp(options: AppOptions): Express {
  const { db, bodyLimitBytes = 1024 * 1024 } = options;
  const logger = options.logger ?? createLogger('silent');
  const createContext = createContextFactory({ db, limits: options.limits ?? null, publicUrl: options.publicUrl });
  const idempotencyStore = options.idempotency ?? new IdempotencyStore(db);
  const unsettledKey = (error: unknown) => logger.error({ err: error }, 'idempotency key not settled');

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestLog(logger), closeWhenStopping, helmet());
  if (options.corsOrigins?.length) app.use(cors({ origin: options.corsOrigins }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const reachable = await db.isReachable();
    res.status(reachable ? 200 : 503).json({ status: reachable ? 'ready' : 'database unreachable' });
  });
  metrics.watchDatabase(db);
  app.use(metricsRouter(options.metricsToken));

  const trpcContext = (req: express.Request, calls: number) =>
    createContext({
      headers: req.headers,
      clientAddress: req.socket.remoteAddress,
      calls,
      keyed: req.res && keyedRequestOf(req.res),
    });
  const trpcHeaders = (ctx: Context | undefined, errors: DomainError[]) => {
    const retryAfter = errors.find((error) => error.retryAfter !== undefined)?.retryAfter;
    return {
      ...rateLimitHeaders(ctx?.rateLimit),
      ...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
    };
  };
  const trpcFault = (error: DomainError, req: express.Request) => {
    if (error.status >= 500 && req.res) req.res.locals.fault = faultOf(error);
  };
  // tRPC's adapter hands over TRPCErrors: ours carry the DomainError they render.
  const domainErrors = (errors: TRPCError[]) =>
    errors.flatMap((error) => (error.cause instanceof DomainError ? [error.cause] : []));
  app.use(
    '/trpc',
    trpcMethods,
    // Read as text, whatever its type: tRPC parses it, and an Idempotency-Key fingerprints it.
    express.text({ type: () => true, limit: bodyLimitBytes }),
    idempotency(idempotencyStore, sendTrpcError, (req) => (typeof req.body === 'string' ? req.body : ''), unsettledKey),
    trpcMutations({ createContext: trpcContext, headers: trpcHeaders, onError: trpcFault }),
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, info }) => trpcContext(req, info.calls.length),
      maxBodySize: bodyLimitBytes,
      maxBatchSize: maxTrpcBatchCalls,
      responseMeta: ({ ctx, errors }) => ({ headers: trpcHeaders(ctx, domainErrors(errors)) }),
      onError: ({ error, req }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') trpcFault(domainErrorOf(error.cause ?? error), req);
      },
    }),
    trpcHttpErrors,
  );

  app.use(docsRouter(openApiDocument()));
  app.use(webPagesRouter());
  app.use(
    restRouter({
      createContext,
      bodyLimitBytes,
      idempotency: idempotencyStore,
      onFault: unsettledKey,
    }),
  );
  // Anything else is answered in Kardow's shape, the surface at the root.
  app.use(surfaces.kardow.notFound);
  app.use(lastErrors);
  return app;
}
