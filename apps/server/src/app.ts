import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { createContextFactory, IdempotencyStore, metrics, type RateLimits } from '@members/api';
import type { Database } from '@members/db';
import { openApiDocument } from '@members/openapi';
import { restFallbacks, restRouter } from '@members/rest';
import { mountTrpc } from '@members/trpc';
import { docsRouter } from './docs.js';
import { webPagesRouter } from './web-pages.js';
import { metricsRouter } from './metrics-route.js';
import { createLogger, requestLog } from './request-log.js';

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

/** Composition only: the three surfaces and the health checks over one database. */
export function createApp(options: AppOptions): Express {
  const { db, bodyLimitBytes } = options;
  const logger = options.logger ?? createLogger('silent');
  const createContext = createContextFactory({ db, limits: options.limits ?? null, publicUrl: options.publicUrl });
  const idempotencyStore = options.idempotency ?? new IdempotencyStore(db);
  const unsettledKey = (error: unknown) => logger.error({ err: error }, 'idempotency key not settled');

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestLog(logger), closeWhenStopping, helmet());
  if (options.corsOrigins?.length) app.use(cors({ origin: options.corsOrigins }));
  const surfaceOptions = { createContext, bodyLimitBytes, idempotency: idempotencyStore, onFault: unsettledKey };
  const rest = restRouter(surfaceOptions);
  // The busiest routes (sync, Polar's creates) are found first, by one lookup.
  app.use(rest.exact);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const reachable = await db.isReachable();
    res.status(reachable ? 200 : 503).json({ status: reachable ? 'ready' : 'database unreachable' });
  });
  metrics.watchDatabase(db);
  app.use(metricsRouter(options.metricsToken));

  mountTrpc(app, surfaceOptions);
  app.use(docsRouter(openApiDocument()));
  app.use(webPagesRouter());
  app.use(rest.router);
  app.use(...restFallbacks());
  return app;
}
