import express, { type Express } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { AppError, appRouter, createContextFactory, RateLimiter } from '@members/api';
import type { Database } from '@members/db';
import { kardowNotFound, openApiDocument, restRouter } from '@members/rest';
import { docsRouter } from './docs.js';

export interface AppOptions {
  db: Database;
  bodyLimitBytes?: number;
  rateLimit?: { perSecond: number; burst: number };
}

/** Composition only: the three surfaces and the health checks over one database. */
export function createApp(options: AppOptions): Express {
  const { db, bodyLimitBytes = 1024 * 1024 } = options;
  const rateLimiter =
    options.rateLimit && options.rateLimit.perSecond > 0
      ? new RateLimiter(options.rateLimit.perSecond, options.rateLimit.burst)
      : null;
  const createContext = createContextFactory({ db, rateLimiter });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const reachable = await db.isReachable();
    res.status(reachable ? 200 : 503).json({ status: reachable ? 'ready' : 'database unreachable' });
  });

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req }) => createContext(req.headers),
      maxBodySize: bodyLimitBytes,
      responseMeta({ errors }) {
        const limited = errors.find((error) => error instanceof AppError && error.retryAfter !== undefined);
        return limited instanceof AppError ? { headers: { 'Retry-After': String(limited.retryAfter) } } : {};
      },
      onError({ error }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(error);
      },
    }),
  );

  app.use(docsRouter(openApiDocument()));
  app.use(restRouter({ createContext, bodyLimitBytes }));
  app.use(kardowNotFound);
  return app;
}
