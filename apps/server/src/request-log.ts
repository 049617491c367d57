import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { pino, type Level, type Logger } from 'pino';

/** A caller's request id is kept when it is a plain token; anything else is replaced, never logged as sent. */
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** The route pattern that served the request (`/v1/members/:id`), not the path with its ids. */
const routeOf = (req: Request) => (req.route ? `${req.baseUrl}${String(req.route.path)}` : req.baseUrl || null);

/** The path alone: a query string carries a tRPC query's input, and Polar's filters (emails among them). */
const pathOf = (url: string) => url.split('?', 1)[0];

/**
 * One structured line per request, when it ends: method, path, route, status, duration and request id; never a
 * header (keys live there) or a body. A fault (5xx) is logged at error with the error the surface met, stack
 * included; the response never carries it. A request whose client went away first is logged as aborted.
 *
 * Written here rather than with pino-http: that builds two child loggers and serializes the request for every
 * request, whatever the level, which cost about 5% of a sync's throughput; this does nothing per request but the
 * id and one listener until a line is due.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const sent = req.headers['x-request-id'];
    const id = typeof sent === 'string' && requestIdPattern.test(sent) ? sent : randomUUID();
    res.setHeader('X-Request-Id', id);
    const { method, originalUrl } = req;
    // `close` comes once, after `finish` for an answered request, or alone when the connection went first.
    res.once('close', () => {
      const aborted = !res.writableFinished;
      const fault = res.statusCode >= 500;
      const level: Level = fault ? 'error' : aborted ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = {
        req: { id, method, url: pathOf(originalUrl) },
        res: { statusCode: res.statusCode },
        route: routeOf(req),
        responseTime: Math.round(performance.now() - started),
        // pino serializes an Error under `err` with its stack.
        ...(fault ? { err: faultOf(res) } : {}),
      };
      logger[level](line, aborted ? 'request aborted' : fault ? 'request errored' : 'request completed');
    });
    next();
  };
}

/** The fault a surface recorded for a 5xx (`res.locals.fault`), or an error saying only the status. */
function faultOf(res: Response): Error {
  const fault: unknown = res.locals.fault;
  return fault instanceof Error ? fault : new Error(`failed with status code ${res.statusCode}`);
}

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'members' } });
}
