import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { ErrorIssue, Scope } from '@members/contracts';
import { UniqueConstraintViolationException } from '@members/db';
import { principalForKey } from './auth/api-keys.js';
import { grants } from './auth/scopes.js';
import type { Context } from './context.js';
import { AppError } from './errors.js';

export function zodIssues(error: ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}

const t = initTRPC.context<Context>().create({
  // tRPC callers get the same machine-readable code and issue list the REST surfaces render.
  errorFormatter({ shape, error }) {
    const issues =
      error.cause instanceof ZodError ? zodIssues(error.cause) : error instanceof AppError ? error.issues : [];
    const appCode =
      error instanceof AppError ? error.appCode : error.cause instanceof ZodError ? 'validation_failed' : null;
    return { ...shape, data: { ...shape.data, appCode, issues } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Resolves the key, applies the rate limit, and gives the procedure its own unit of work. */
const authenticated = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.apiKey) throw new AppError('unauthorized', 'An API key is required (x-api-key or Authorization: Bearer)');
  const em = ctx.db.fork();
  const principal = await principalForKey(em, ctx.apiKey);
  if (!principal) throw new AppError('unauthorized', 'The API key is unknown or revoked');
  const wait = ctx.rateLimiter?.take(principal.keyId) ?? 0;
  if (wait > 0) throw new AppError('rate_limited', `Too many requests; retry in ${wait}s`, { retryAfter: wait });
  const result = await next({ ctx: { principal, em } });
  // The services lock before they check, so this is a backstop: a write that lost a race to a unique key is the
  // caller's conflict to retry, never a 500.
  if (!result.ok && result.error.cause instanceof UniqueConstraintViolationException) {
    throw new AppError('conflict', 'The request conflicts with a concurrent change; retry it');
  }
  return result;
});

/** A procedure that needs `scope` (a read scope is also granted by its write scope). */
export function scopedProcedure(scope: Scope) {
  return authenticated.use(({ ctx, next }) => {
    if (!grants(ctx.principal.scopes, scope)) throw new AppError('forbidden', `This API key lacks the ${scope} scope`);
    return next();
  });
}
