import { once } from 'node:events';
import type { ErrorRequestHandler, RequestHandler, Response, Router } from 'express';
import { DomainError, domainErrorOf, invoke, procedureByPath } from '@members/api';
import { isAsyncIterable, isPlainObject, type TableRow } from '@members/contracts';
import { keyedRequestOf, rateLimitHeaders, requestIdOf, type CreateContext } from '@members/http';
import { requestInput } from './request-input.js';
import { sendError, type Surface } from './surface.js';

/** `/v1/members/{id}` as Express spells it. */
export const expressPath = (template: string) => template.replace(/\{(\w+)\}/g, ':$1');

/** Registers one table row on `router`: authenticate, read the input where the row says, run, answer. */
export function serveRoute(router: Router, row: TableRow, surface: Surface, createContext: CreateContext) {
  const { route } = row;
  const procedure = procedureByPath(route.procedure);
  const input = requestInput(row, surface, procedure);
  const handler: RequestHandler = async (req, res) => {
    const wire = input.wireOf(req);
    const context = createContext({
      headers: req.headers,
      clientAddress: req.socket.remoteAddress,
      keyed: keyedRequestOf(res),
      surface: 'rest',
      requestId: requestIdOf(res),
    });
    try {
      const result = await invoke(context, procedure, route.procedure, () => input.read(wire));
      const created = isPlainObject(result) && result.created === true;
      const status = created && route.createdStatus ? route.createdStatus : route.status;
      res.set(rateLimitHeaders(context.rateLimit));
      const served = route.bodyField && isPlainObject(result) ? result[route.bodyField] : result;
      if (route.csv && isAsyncIterable(result)) await sendCsv(res, result);
      else if (status === 204) res.status(204).end();
      else res.status(status).json(route.bare ? served : surface.body(served));
    } catch (error) {
      res.set(rateLimitHeaders(context.rateLimit));
      sendError(surface, res, domainErrorOf(error), { wire, locate: input.locate });
    }
  };
  router[route.method](expressPath(route.path), handler);
}

/**
 * A CSV result, written as it is read: a chunk waits for the socket to drain, so a slow reader holds the export
 * back rather than the server's memory. A fault midway cannot change the status any more: the response is cut off.
 */
async function sendCsv(res: Response, chunks: AsyncIterable<unknown>) {
  res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="customers.csv"');
  try {
    for await (const chunk of chunks) {
      if (!res.write(String(chunk))) await once(res, 'drain');
    }
    res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/** For a path the table serves with other methods: 405 with `Allow`, in the surface's shape. */
export function methodNotAllowed(surface: Surface, allowed: readonly string[]): RequestHandler {
  const allow = allowed.map((method) => method.toUpperCase()).join(', ');
  return (req, res) => {
    res.set('Allow', allow);
    sendError(surface, res, new DomainError('method_not_allowed', `${req.method} is not served here; use ${allow}`));
  };
}

/** Errors met outside a route (an unreadable body, bad percent-encoding), in the surface's shape. */
export const requestErrors =
  (surface: Surface): ErrorRequestHandler =>
  (error, _req, res, _next) =>
    sendError(surface, res, domainErrorOf(error));
