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

/** Every REST route of the route tables, each a thin mapping onto the procedure its row names. */
export function restRouter(options: SurfaceOptions): Router {
  const bodyLimit = options.bodyLimitBytes ?? defaultBodyLimitBytes;
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
        idempotencyErrors(surface),
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
    routes.use(surface.prefixes, notFound(surface));
    router.use(routes);
  }
  return router;
}

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
