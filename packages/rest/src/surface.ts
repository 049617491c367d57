import type { Request, RequestHandler, Response } from 'express';
import { DomainError, type InputSource } from '@members/api';
import type { SurfaceName, WireCasing } from '@members/contracts';
import { keyHeader, noteError } from '@members/http';

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

/** An error as a surface answers it. */
export interface RenderedError {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** How one REST surface speaks: field names, success bodies and error bodies. */
export interface Surface {
  name: SurfaceName;
  /** The URL prefixes the surface owns: its body parser, body errors and 404s apply there. */
  prefixes: string[];
  /** The surface's casing (`surfaceCasing` in the contracts, which the OpenAPI document reads too). */
  casing: WireCasing;
  /** The success body of a procedure's result. */
  body(result: unknown): unknown;
  /**
   * The one place this surface words an error, every error (404s and 405s included): its status, body and any
   * header of its own. `request` locates input problems, when there is a request.
   */
  render(error: DomainError, request?: ErrorRequest): RenderedError;
  /** What every request of the surface is checked for before its route (Polar's `Polar-Version`). */
  checks?: RequestHandler[];
}

/** Answers with the surface's rendering of an error, after what every error response does (`noteError`). */
export function sendError(surface: Surface, res: Response, error: DomainError, request?: ErrorRequest): void {
  noteError(res, error);
  const { status, body, headers } = surface.render(error, request);
  if (headers) res.set(headers);
  res.status(status).json(body);
}

/** The path as the caller sent it (a router mounted at a prefix sees `req.path` without it). */
export const pathOf = (req: Request) => req.originalUrl.split('?')[0] ?? req.path;

/** The fields of a body or query, by input name (none when it is not an object). */
export const fieldsOf = (surface: Surface, wire: unknown): Record<string, unknown> => {
  const fields = surface.casing.fromWire(wire);
  return typeof fields === 'object' && fields !== null && !Array.isArray(fields)
    ? (fields as Record<string, unknown>)
    : {};
};

/** A path the surface owns that no route serves. */
export const notFound =
  (surface: Surface): RequestHandler =>
  (req, res) =>
    sendError(surface, res, new DomainError('not_found', `No route ${req.method} ${pathOf(req)}`));

/** A header the surface could not accept (`Idempotency-Key`, `Polar-Version`), located at that header. */
export const headerErrors =
  (surface: Surface, header: string) =>
  (res: Response, error: DomainError): void =>
    sendError(surface, res, error, {
      wire: { body: undefined, query: {}, path: {}, header: { [header]: res.req.get(header) } },
      locate: () => ({ source: 'header', key: header }),
    });

/** A problem with the request's `Idempotency-Key`, in the surface's error body. */
export const idempotencyErrors = (surface: Surface) => headerErrors(surface, keyHeader);
