import { kardowRoutes } from '../kardow/routes.js';
import { polarRoutes } from '../polar/routes.js';
import type { SurfaceName } from '../enums.js';
import type { AnyRestRoute } from './route.js';

export interface TableRow {
  operationId: string;
  surface: SurfaceName;
  route: AnyRestRoute;
}

/** Every REST route of both surfaces, in table order: what the adapter serves and the document describes. */
export const restRoutes: readonly TableRow[] = [
  ...Object.entries(kardowRoutes).map(([operationId, route]) => ({ operationId, surface: 'kardow' as const, route })),
  ...Object.entries(polarRoutes).map(([operationId, route]) => ({ operationId, surface: 'polar' as const, route })),
];
