import type { Request, RequestHandler, Response } from 'express';
import type { DomainError, InputSource } from '@members/api';
import type { SurfaceName } from '@members/contracts';

/** Where an input field was sent, and its name there. */
export interface WireOrigin {
  source: InputSource;
  key: string;
}

/** The request as the caller sent it, for error reports that quote it. */
export interface WireInputs {
  body: unknown;
  query: Record<string, unknown>;
  path: Record<string, string | string[]>;
  header?: Record<string, unknown>;
}

/** What an error report may quote: the request, and where each input field of its route is sent. */
export interface ErrorRequest {
  wire: WireInputs;
  locate(field: string): WireOrigin;
}

/** How one REST surface speaks: field names, success bodies and error bodies. */
export interface Surface {
  name: SurfaceName;
  /** The URL prefixes the surface owns: its body parser, body errors and 404s apply there. */
  prefixes: string[];
  /** A field's name in a query string or body. */
  wireName(field: string): string;
  /** The fields of a body or query, by input name (none when it is not an object). */
  fields(wire: unknown): Record<string, unknown>;
  /** The success body of a procedure's result. */
  body(result: unknown): unknown;
  /** The one place this surface renders an error; `request` locates input problems, when there is a request. */
  sendError(res: Response, error: DomainError, request?: ErrorRequest): void;
  notFound: RequestHandler;
  /** What every request of the surface is checked for before its route (Polar's `Polar-Version`). */
  checks?: RequestHandler[];
}

/** The path as the caller sent it (a router mounted at a prefix sees `req.path` without it). */
export const pathOf = (req: Request) => req.originalUrl.split('?')[0] ?? req.path;
