import type { Request, RequestHandler } from 'express';
import {
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  transformTRPCResponse,
  type TRPCError,
  type TRPCErrorShape,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import { appRouter, callProcedure, type Context } from '@members/api';
import { maxTrpcBatchCalls, procedureAt, procedurePaths, type ProcedurePath } from '@members/contracts';

export interface TrpcMutationsOptions {
  createContext(req: Request, calls: number): Context;
  /** The headers an answer carries beyond tRPC's own (rate limits, Retry-After). */
  headers(ctx: Context | undefined, errors: TRPCError[]): Record<string, string>;
  onError(error: TRPCError, req: Request): void;
}

type Answer = { result: { data: unknown } } | { error: TRPCErrorShape };

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
  return { batch, calls: paths.map((path, index) => ({ path: path as ProcedurePath, input: body?.[index] })) };
}

/**
 * Mutations posted as JSON, one call or a batch (as the client's batching link sends them), answered as tRPC's
 * `resolveResponse` answers them: the same procedure calls, error shapes, status and headers, from tRPC's public
 * functions. tRPC's adapter builds a Fetch Request and Response around every request, with web streams, Headers
 * and abort signals; on a sync that was a fifth of the server's CPU and held tRPC to about 0.75 of the same
 * procedure through REST. Anything else (queries, streamed or unreadable requests, unknown paths, batches with a
 * query) goes on to tRPC's adapter, which answers it in full. `trpc-mutations.test.ts` holds the two to the same
 * answers.
 */
export function trpcMutations(options: TrpcMutationsOptions): RequestHandler {
  const config = appRouter._def._config;
  return async (req, res, next) => {
    const request = callsOf(req);
    if (!request) return next();
    const { batch, calls } = request;
    const ctx = options.createContext(req, calls.length);
    // Each call's error or undefined, in call order, as getHTTPStatusCode reads them.
    const failures: (TRPCError | undefined)[] = calls.map(() => undefined);
    const answers = await Promise.all(
      calls.map(async ({ path, input }, index): Promise<Answer> => {
        try {
          return { result: { data: await callProcedure(ctx, path, input) } };
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          failures[index] = error;
          options.onError(error, req);
          return { error: getTRPCErrorShape({ config, ctx, error, input, path, type: 'mutation' }) };
        }
      }),
    );
    const errors = failures.filter((error) => error !== undefined);
    const answer = batch ? answers : (answers[0] as Answer);
    const body = JSON.stringify(transformTRPCResponse(config, answer));
    res.statusCode = getHTTPStatusCode(answer, failures);
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(options.headers(ctx, errors))) res.setHeader(name, value);
    res.end(body);
  };
}
