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
import { procedureAt, procedurePaths, type ProcedurePath } from '@members/contracts';

export interface SingleMutationOptions {
  createContext(req: Request): Context;
  /** The headers an answer carries beyond tRPC's own (rate limits, Retry-After). */
  headers(ctx: Context | undefined, errors: TRPCError[]): Record<string, string>;
  onError(error: TRPCError, req: Request): void;
}

const mutations = new Set<string>(procedurePaths.filter((path) => procedureAt(path).type === 'mutation'));
const isMutation = (path: string): path is ProcedurePath => mutations.has(path);
const isJson = (req: Request) =>
  req.headers['content-type']?.toLowerCase().split(';', 1)[0]?.trim() === 'application/json';

/**
 * `POST /trpc/<mutation>` with a JSON body, one call, answered as tRPC's `resolveResponse` answers it: the same
 * procedure call, error shape, status and headers, from tRPC's public functions. tRPC's adapter builds a Fetch
 * Request and Response around every call, with web streams, Headers and abort signals; on a sync that was a fifth
 * of the server's CPU and held tRPC to about 0.75 of the same procedure through REST. Anything else (batches,
 * queries, streamed or unreadable requests, unknown paths) goes on to tRPC's adapter, which answers it in full.
 * `trpc-single-mutation.test.ts` holds the two to the same answers.
 */
export function singleMutation(options: SingleMutationOptions): RequestHandler {
  const config = appRouter._def._config;
  return async (req, res, next) => {
    const path = req.path.slice(1);
    const plain =
      req.method === 'POST' &&
      !req.url.includes('?') &&
      req.headers['trpc-accept'] === undefined &&
      typeof req.body === 'string' &&
      isJson(req);
    if (!plain || !isMutation(path)) return next();
    let input: unknown;
    try {
      input = req.body === '' ? undefined : JSON.parse(req.body);
    } catch {
      return next(); // tRPC's adapter says what is wrong with it
    }

    let ctx: Context | undefined;
    let answer: { result: { data: unknown } } | { error: TRPCErrorShape } = { result: { data: undefined } };
    const errors: TRPCError[] = [];
    try {
      ctx = options.createContext(req);
      answer = { result: { data: await callProcedure(ctx, path, input) } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      errors.push(error);
      options.onError(error, req);
      answer = { error: getTRPCErrorShape({ config, ctx, error, input, path, type: 'mutation' }) };
    }
    const body = JSON.stringify(transformTRPCResponse(config, answer));
    res.statusCode = getHTTPStatusCode(answer, errors);
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(options.headers(ctx, errors))) res.setHeader(name, value);
    res.end(body);
  };
}
