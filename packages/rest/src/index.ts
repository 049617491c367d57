import { Router } from 'express';
import { restRoutes, type SurfaceName } from '@members/contracts';
import type { IdempotencyStore } from '@members/api';
import { jsonBody } from './body.js';
import { idempotency, surfaceIdempotencyErrors } from './idempotency.js';
import { kardowSurface } from './kardow/surface.js';
import { polarSurface } from './polar/surface.js';
import { expressPath, methodNotAllowed, requestErrors, serveRoute, type CreateContext } from './serve-route.js';
import type { Surface } from './surface.js';

export interface RestOptions {
  createContext: CreateContext;
  /** Largest accepted body, in bytes. */
  bodyLimitBytes?: number;
  /** Where requests with an Idempotency-Key are kept. */
  idempotency: IdempotencyStore;
  onFault: (error: unknown) => void;
}

export type { Surface } from './surface.js';
export const surfaces: Record<SurfaceName, Surface> = { kardow: kardowSurface, polar: polarSurface };

/** Every REST route of the route tables, each a thin mapping onto the procedure its row names. */
export function restRouter(options: RestOptions): Router {
  const bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
  const router = Router();
  for (const surface of Object.values(surfaces)) {
    const routes = Router();
    routes.use(
      surface.prefixes,
      ...(surface.checks ?? []),
      jsonBody(bodyLimit),
      requestErrors(surface),
      idempotency(
        options.idempotency,
        surfaceIdempotencyErrors(surface),
        (req) => JSON.stringify(req.body ?? null),
        options.onFault,
      ),
    );
    const rows = restRoutes.filter((row) => row.surface === surface.name);
    for (const row of rows) serveRoute(routes, row, surface, options.createContext);
    // A served path asked with another method: 405 and the methods it takes.
    for (const path of new Set(rows.map(({ route }) => route.path))) {
      const allowed = rows.filter(({ route }) => route.path === path).map(({ route }) => route.method);
      routes.all(expressPath(path), methodNotAllowed(surface, allowed));
    }
    routes.use(surface.prefixes, surface.notFound);
    router.use(routes);
  }
  return router;
}

export { expressPath, requestErrors, type CreateContext } from './serve-route.js';
export { noteError } from './error-response.js';
export { rateLimitHeaders } from './rate-limit-headers.js';
export { idempotency, keyedRequestOf } from './idempotency.js';
