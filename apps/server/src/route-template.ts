import type { Request } from 'express';
import { procedurePaths, restRoutes, subscriptions } from '@members/contracts';

const subscriptionPaths = Object.entries(subscriptions).flatMap(([scope, named]) =>
  Object.keys(named).map((name) => `${scope}.${name}`),
);
const knownProcedures = new Set<string>([...procedurePaths, ...subscriptionPaths]);

/** Every REST route template as a pattern; templates with fewer parameters first, so `/x/external/{id}` beats `/x/{id}`. */
const restTemplates = [...new Set(restRoutes.map((row) => row.route.path))]
  .map((template) => ({
    template,
    params: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${template.replace(/\/$/, '').replace(/\{\w+\}/g, '[^/]+')}/?$`),
  }))
  .sort((a, b) => a.params - b.params);

/**
 * The route of a request as its template (`/members/{lookup}`, `/v1/members/{id}`), never the path as sent: paths
 * carry emails and ids, which belong in neither a log line nor a metric label. The route that served the request says
 * it; a request that ended before reaching one (refused, aborted) is matched against the route tables. A tRPC call is
 * named by its procedure, a batch as `{batch}`; a path nothing matches is `{unmatched}`, whatever it held.
 */
export function routeTemplateOf(req: Request): string {
  // Express types the matched route as `any`.
  const route = req.route as { path: unknown } | undefined;
  if (route) return `${req.baseUrl}${String(route.path)}`.replace(/:(\w+)/g, '{$1}');
  const path = req.originalUrl.split('?', 1)[0] ?? '';
  if (path.startsWith('/trpc/')) {
    const names = path.slice('/trpc/'.length).split(',');
    if (names.length > 1) return '/trpc/{batch}';
    return knownProcedures.has(names[0] ?? '') ? path : '/trpc/{unknown}';
  }
  return restTemplates.find(({ pattern }) => pattern.test(path))?.template ?? '{unmatched}';
}
