import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { pino, stdSerializers, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** A caller's request id is kept when it is a plain token; anything else is replaced, never logged as sent. */
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** The route pattern that served the request (`/v1/members/:id`), not the path with its ids. */
const routeOf = (req: Request) => (req.route ? `${req.baseUrl}${String(req.route.path)}` : req.baseUrl || null);

const pathOf = (url: string) => url.split('?', 1)[0];

/**
 * One structured line per request: method, route, status, duration and request id; never a header (keys live
 * there) or a body. A fault (5xx) is logged with its stack and the request id; the response never carries it.
 */
export function requestLog(logger: Logger) {
  return pinoHttp<Request, Response>({
    logger,
    quietReqLogger: true,
    genReqId(req, res) {
      const sent = req.headers['x-request-id'];
      const id = typeof sent === 'string' && requestIdPattern.test(sent) ? sent : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      // The path alone: a query string carries a tRPC query's input, and Polar's filters (emails among them).
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: pathOf(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: stdSerializers.err,
    },
    customSuccessObject: (req, _res, value: object) => ({ ...value, route: routeOf(req) }),
    // The fault the surface met, rather than pino-http's "failed with status code 5xx".
    customErrorObject: (req, res, error, value: object) => ({
      ...value,
      route: routeOf(req),
      err: res.locals.fault ?? error,
    }),
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      return 'info';
    },
  });
}

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'members' } });
}
