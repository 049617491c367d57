import { Router } from 'express';
import type { CreateContext } from './caller.js';
import { kardowRoutes } from './kardow/routes.js';
import { polarRoutes } from './polar/routes.js';

export interface RestOptions {
  createContext: CreateContext;
  /** Largest accepted body, in bytes. */
  bodyLimitBytes?: number;
}

/** Every REST route of SPEC.md, each a thin mapping onto a tRPC procedure. */
export function restRouter(options: RestOptions): Router {
  const bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
  const router = Router();
  router.use(kardowRoutes(options.createContext, bodyLimit));
  router.use(polarRoutes(options.createContext, bodyLimit));
  return router;
}

export { toFailure, type Failure } from './failure.js';
export { kardowNotFound } from './kardow/errors.js';
export { openApiDocument } from './openapi/document.js';
