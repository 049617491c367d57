import express, { type RequestHandler } from 'express';
import { DomainError, maxInputDepth } from '@members/api';

/** Marks a request whose body was zero bytes long, which body-parser would otherwise read as `{}`. */
const emptyBodies = new WeakSet<object>();

/** Whether a parsed body nests deeper than any input may, found without recursion. */
function tooDeep(value: unknown): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > maxInputDepth * 2) return true;
    level = level.flatMap((node) =>
      typeof node === 'object' && node !== null ? (Object.values(node) as unknown[]) : [],
    );
  }
  return false;
}

/**
 * Every body is read as JSON whatever its Content-Type says, so `curl -d` without a header works; a body that is
 * not JSON is a 400, one over the limit a 413, one in an encoding or charset we do not read a 415. An empty body is
 * no body (`req.body` undefined), as FastAPI sees it. A body nested absurdly deep is refused before anything walks
 * it (the procedures refuse more than `maxInputDepth` levels, with the field's path).
 */
export function jsonBody(limit: number): RequestHandler[] {
  return [
    express.json({
      limit,
      type: () => true,
      verify: (req, _res, raw) => {
        if (raw.length === 0) emptyBodies.add(req);
      },
    }),
    (req, _res, next) => {
      if (emptyBodies.has(req)) req.body = undefined;
      if (tooDeep(req.body)) {
        next(new DomainError('bad_request', `The body nests deeper than ${maxInputDepth * 2} levels`));
        return;
      }
      next();
    },
  ];
}
