import type { Request, RequestHandler } from 'express';
import { getHTTPStatusCode } from '@trpc/server/http';
import { domainErrorOf, type Context, type DomainError } from '@members/api';
import { maxTrpcBatchCalls, procedureAt, procedurePaths, type ProcedurePath } from '@members/contracts';
import { trpcErrorShape, type TrpcErrorShape } from './error-shape.js';
import { callProcedure } from './router.js';

export interface TrpcMutationsOptions {
  createContext(req: Request, calls: number): Context;
  /** The headers an answer carries beyond tRPC's own (rate limits, Retry-After). */
  headers(ctx: Context | undefined, errors: DomainError[]): Record<string, string>;
  onError(error: DomainError, req: Request): void;
}

type Answer = { result: { data: unknown } } | { error: TrpcErrorShape };

const mutations = new Set<string>(procedurePaths.filter((path) => procedureAt(path).type === 'mutation'));
const isMutation = (path: string): path is ProcedurePath => mutations.has(path);
const isJson = (req: Request) =>
  req.headers['content-type']?.toLowerCase().split(';', 1)[0]?.trim() === 'application/json';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The calls a plain mutation request makes (`/trpc/a.b` or `/trpc/a.b,c.d?batch=1`), or null to leave it to tRPC. */
function callsOf(req: Request): { batch: boolean; calls: { path: ProcedurePath; input: unknown }[] } | null {
  if (req.method !== 'POST' || req.headers['trpc-accept'] !== undefined || typeof req.body !== 'string') return null;
  if (!isJson(req)) return null;
  const query = req.url.indexOf('?');
  const batch = query !== -1 && req.url.slice(query + 1) === 'batch=1';
  if (query !== -1 && !batch) return null;
  const paths = req.path.slice(1).split(',');
  if (!batch && paths.length > 1) return null;
  if (paths.length > maxTrpcBatchCalls || !paths.every(isMutation)) return null;
  let body: unknown;
  try {
    body = req.body === '' ? undefined : JSON.parse(req.body);
  } catch {
    return null;
  }
  if (!batch) return { batch, calls: [{ path: paths[0] as ProcedurePath, input: body }] };
  if (body !== undefined && !isObject(body)) return null;
  return { batch, calls: paths.map((path, index) => ({ path: path, input: body?.[index] })) };
}

/**
 * Mutations posted as JSON, one call or a batch (as the client's batching link sends them), answered as tRPC's
 * `resolveResponse` answers them: the same procedure calls (`callProcedure`, which the router's procedures call
 * too), the same error shape (`trpcErrorShape`, which the router's formatter returns), status and headers.
 * tRPC's adapter builds a Fetch Request and Response around every request, with web streams, Headers
 * and abort signals; on a sync that was a fifth of the server's CPU and held tRPC to about 0.75 of the same
 * procedure through REST. Anything else (queries, streamed or unreadable requests, unknown paths, batches with a
 * query) goes on to tRPC's adapter, which answers it in full. `test/mutations.test.ts` holds the two to the same
 * answers.
 */
export function trpcMutations(options: TrpcMutationsOptions): RequestHandler {
  return async (req, res, next) => {
    const request = callsOf(req);
    if (!request) return next();
    const { batch, calls } = request;
    const ctx = options.createContext(req, calls.length);
    const errors: DomainError[] = [];
    const answers = await Promise.all(
      calls.map(async ({ path, input }): Promise<Answer> => {
        try {
          return { result: { data: await callProcedure(ctx, path, input) } };
        } catch (cause) {
          const error = domainErrorOf(cause);
          errors.push(error);
          options.onError(error, req);
          return { error: trpcErrorShape(error, path) };
        }
      }),
    );
    const answer = batch ? answers : (answers[0] as Answer);
    const body = JSON.stringify(answer);
    // Each answer's status is in its shape (`data.httpStatus`): one status for all, or 207.
    res.statusCode = getHTTPStatusCode(answer, []);
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(options.headers(ctx, errors))) res.setHeader(name, value);
    res.end(body);
  };
}
