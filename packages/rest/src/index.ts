import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { domainErrorOf } from '@members/api';
import { restRoutes, type SurfaceName } from '@members/contracts';
import { defaultBodyLimitBytes, idempotency, type SurfaceOptions } from '@members/http';
import { jsonBody } from './body.js';
import { kardowSurface } from './kardow/surface.js';
import { polarSurface } from './polar/surface.js';
import { expressPath, methodNotAllowed, requestErrors, serveRoute } from './serve-route.js';
import { idempotencyErrors, notFound, sendError, type Surface } from './surface.js';

export type { Surface } from './surface.js';
export const surfaces: Record<SurfaceName, Surface> = { kardow: kardowSurface, polar: polarSurface };

/**
 * Every REST route of the route tables, each a thin mapping onto the procedure its row names: `router` serves them
 * all as Express finds them, one layer after another; `exact` serves the routes whose paths hold no parameter
 * (`POST /members/sync`, `POST /v1/members/`) with one lookup, before any other layer of the app is tried. It is only
 * a shortcut: each such route is the same middleware and handler in a router of its own, and a request it does not
 * find by its exact method and path (another case, a HEAD) goes on to `router`, which answers it as before.
 */
export function restRouter(options: SurfaceOptions): { exact: RequestHandler; router: Router } {
  const bodyLimit = options.bodyLimitBytes ?? defaultBodyLimitBytes;
  const router = Router();
  const exact = new Map<string, Router>();
  for (const surface of Object.values(surfaces)) {
    const requestHandling = () => [
      ...(surface.checks ?? []),
      jsonBody(bodyLimit),
      requestErrors(surface),
      idempotency(
        options.idempotency,
        idempotencyErrors(surface),
        (req) => JSON.stringify(req.body ?? null),
        options.onFault,
      ),
    ];
    const routes = Router();
    routes.use(surface.prefixes, ...requestHandling());
    const rows = restRoutes.filter((row) => row.surface === surface.name);
    for (const row of rows) {
      serveRoute(routes, row, surface, options.createContext);
      if (row.route.path.includes('{')) continue;
      const alone = Router();
      alone.use(...requestHandling());
      serveRoute(alone, row, surface, options.createContext);
      exact.set(exactKey(row.route.method, row.route.path), alone);
    }
    // A served path asked with another method: 405 and the methods it takes.
    for (const path of new Set(rows.map(({ route }) => route.path))) {
      const allowed = rows.filter(({ route }) => route.path === path).map(({ route }) => route.method);
      routes.all(expressPath(path), methodNotAllowed(surface, allowed));
    }
    routes.use(surface.prefixes, notFound(surface));
    router.use(routes);
  }
  const exactRoute: RequestHandler = (req, res, next) => {
    const route = exact.get(exactKey(req.method, req.path));
    if (route) route(req, res, next);
    else next();
  };
  return { exact: exactRoute, router };
}

/** A method and a path as the exact routes are found by: upper case, without a trailing slash. */
const exactKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\/$/, '')}`;

/** The surface whose prefix a path starts with; Kardow's, the surface at the root, for any other. */
const surfaceAt = (path: string) =>
  Object.values(surfaces).find(({ prefixes }) => prefixes.some((prefix) => path.startsWith(prefix))) ?? surfaces.kardow;

/** Whatever escaped the surfaces (bad percent-encoding in a path, say): answered in the shape of the path's surface. */
const lastErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  sendError(surfaceAt(req.path), res, domainErrorOf(error));
};

/** Last in the app: a path nothing serves is a 404 in Kardow's shape, and any error left is rendered by its surface. */
export const restFallbacks = (): [RequestHandler, ErrorRequestHandler] => [notFound(surfaces.kardow), lastErrors];
export { expressPath } from './serve-route.js';
