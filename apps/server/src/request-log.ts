import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { pino, type Level, type Logger } from 'pino';
import { metrics } from '@members/api';
import { routeTemplateOf } from './route-template.js';

/** A caller's request id is kept when it is a plain token; anything else is replaced, never logged as sent. */
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * One structured line per request, when it ends: method, route template (as `url` and `route`), status, duration and
 * request id; never the path as sent (emails and ids), a query string (a tRPC query's input), a header (keys live
 * there) or a body. A fault (5xx) is logged at error with the error the surface met, stack included; the response
 * never carries it. A request whose client went away first is logged as aborted. The same moment feeds the
 * `http_request_duration_seconds` histogram, by method, route template and status.
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
    // `close` comes once, after `finish` for an answered request, or alone when the connection went first.
    res.once('close', () => {
      const elapsed = performance.now() - started;
      const route = routeTemplateOf(req);
      const { method } = req;
      metrics.httpRequestDuration.observe({ method, route, status: res.statusCode }, elapsed / 1000);
      // An event stream ends only by its client leaving (or the server dropping it): that is its normal end.
      const stream = String(res.getHeader('content-type')).startsWith('text/event-stream');
      const aborted = !res.writableFinished && !stream;
      const fault = res.statusCode >= 500;
      const level: Level = fault ? 'error' : aborted ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = {
        req: { id, method, url: route },
        res: { statusCode: res.statusCode },
        route,
        responseTime: Math.round(elapsed),
        // pino serializes an Error under `err` with its stack.
        ...(fault ? { err: faultOf(res) } : {}),
      };
      const outcome = aborted
        ? 'request aborted'
        : fault
          ? 'request errored'
          : stream
            ? 'stream closed'
            : 'request completed';
      logger[level](line, outcome);
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
