import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { SurfaceName } from '@members/contracts';

/** Where an input field came from on the wire, and its name there. */
export interface WireOrigin {
  source: 'body' | 'query' | 'path' | 'header';
  key: string;
}

/** The request as the caller sent it, for error reports that quote it. */
export interface WireInputs {
  body: unknown;
  query: Record<string, unknown>;
  path: Record<string, string | string[]>;
  header?: Record<string, unknown>;
}

/** Locates an input field (by its procedure input name) on the wire. */
export type Locate = (field: string) => WireOrigin;

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
  sendError(res: Response, error: unknown, locate: Locate, wire: WireInputs): void;
  /** Errors met outside a route: an unreadable body, bad percent-encoding, a method the path is not served with. */
  requestErrors: ErrorRequestHandler;
  notFound: RequestHandler;
}
