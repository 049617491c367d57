import type { Request } from 'express';
import { createCaller, type Context, type RequestHeaders } from '@members/api';

export type CreateContext = (headers: RequestHeaders) => Context;

/** The tRPC procedures as plain functions, authenticated by this request's headers. */
export function callerFor(createContext: CreateContext, req: Request) {
  return createCaller(createContext(req.headers));
}
