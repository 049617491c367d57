import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import {
  apiKeyFromHeaders,
  DomainError,
  domainErrorOf,
  hashApiKey,
  KeyedRequest,
  keyInUse,
  metrics,
  type AnswerInstead,
  type IdempotencyStore,
} from '@members/api';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** How a surface tells the caller about a key it cannot honour, in its own error shape. */
export type IdempotencyErrors = (res: Response, error: DomainError) => void;

export const keyHeader = 'idempotency-key';
const keyIssue = (message: string) => ({ path: [keyHeader], message, source: 'header' as const });

/** The keyed run the idempotency check started for this request, for the surfaces' context factories. */
export function keyedRequestOf(res: Response): KeyedRequest | undefined {
  const keyed: unknown = res.locals.keyed;
  return keyed instanceof KeyedRequest ? keyed : undefined;
}

/** The headers that describe the body the surface wrote, which is not the one sent in its place. */
const forgetBodyHeaders = (res: Response) => {
  for (const name of ['content-length', 'content-type', 'etag']) res.removeHeader(name);
};

/**
 * Holds what the response writes until the request's transaction has recorded it as the key's answer and committed,
 * so that no caller is told of a change that could still be lost. Should the commit fail, nothing was done: the
 * caller gets the surface's error for it (503 while the database is away) instead of the answer it would have had.
 * A request that did not run (its key answered before, used with another request, or held by one still running)
 * sends what the key's claim found instead of what its surface wrote.
 */
function commitBeforeSending(
  res: Response,
  request: KeyedRequest,
  refuse: IdempotencyErrors,
  onFault: (error: unknown) => void,
) {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = ((chunk: unknown) => {
    keep(chunk);
    return true;
  }) as Response['write'];
  // A caller that went away before its answer was written never saw one: its request is rolled back rather than
  // kept with an answer that may be cut short (tRPC's adapter stops writing once the connection closes).
  let ended = false;
  let gone = false;
  res.once('close', () => {
    if (!ended) gone = true;
  });
  const answerInstead = (instead: AnswerInstead) => {
    forgetBodyHeaders(res);
    if (instead.kind === 'refuse') return refuse(res, instead.error);
    metrics.idempotentReplays.inc();
    res.status(instead.statusCode).set('Idempotent-Replayed', 'true');
    if (instead.body === '') res.end();
    else res.type('application/json').send(instead.body);
  };
  res.end = ((chunk?: unknown) => {
    ended = true;
    if (typeof chunk !== 'function') keep(chunk);
    const body = Buffer.concat(chunks);
    const settled = gone ? request.abandon() : request.settle(res.statusCode, body.toString('utf8'));
    settled.then(
      (instead) => {
        Object.assign(res, { write, end });
        if (instead) answerInstead(instead);
        else end(body);
      },
      (error: unknown) => {
        onFault(error);
        Object.assign(res, { write, end });
        if (res.headersSent) return void res.destroy();
        forgetBodyHeaders(res);
        refuse(res, domainErrorOf(error));
      },
    );
    return res;
  }) as Response['end'];
}

/**
 * Stripe's idempotency, for POST, PATCH and DELETE: a retry with the same `Idempotency-Key`, API key and request
 * gets the first answer back with `Idempotent-Replayed: true` and nothing is done again; the same key with another
 * request is 422; while the first is still running, 409. The key is claimed by the request's own transaction, which
 * commits the answer with the change (`KeyedRequest`); a 5xx is not kept, so its retry runs again. `body` is what the
 * request sent, as the route read it.
 */
export function idempotency(
  store: IdempotencyStore,
  errors: IdempotencyErrors,
  body: (req: Request) => string,
  onFault: (error: unknown) => void,
): RequestHandler {
  return (req, res, next) => {
    const key = req.get('Idempotency-Key');
    const apiKey = apiKeyFromHeaders(req.headers);
    // Without a key there is nothing to promise; without an API key the request is refused anyway.
    if (key === undefined || !apiKey || !['POST', 'PATCH', 'DELETE'].includes(req.method)) return next();
    if (key.length < 1 || key.length > 255) {
      return errors(
        res,
        new DomainError('validation_failed', 'Idempotency-Key must be 1 to 255 characters', {
          issues: [keyIssue('must be 1 to 255 characters')],
        }),
      );
    }
    const fingerprint = sha256(`${req.method} ${req.originalUrl}\n${body(req)}`);
    const claim = store.claim({ callerHash: hashApiKey(apiKey), key, fingerprint });
    if (claim.kind === 'in_use') return errors(res, keyInUse());
    res.locals.keyed = claim.request;
    commitBeforeSending(res, claim.request, errors, onFault);
    next();
  };
}
