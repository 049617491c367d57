import type { z } from 'zod';
import type { ProcedureAt, ProcedurePath } from '../procedures.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503;

/** The fields of a procedure's input, by name: what a route may take from the path, the query or the body. */
export type InputKey<P extends ProcedurePath> =
  ProcedureAt<P> extends { input: z.ZodObject<infer Shape> } ? keyof Shape & string : never;

export interface RequestExample {
  summary: string;
  value: unknown;
}

/**
 * One REST route: the row that registers it in Express and documents it in OpenAPI. It serves exactly one
 * procedure, named by its dotted path (a typo is a compile error), and says where each input field is read from.
 * Scope, input and output schemas are the procedure's own.
 */
export interface RestRoute<P extends ProcedurePath = ProcedurePath> {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/v1/members/{id}`. */
  path: string;
  procedure: P;
  /** The success status. */
  status: 200 | 201 | 202 | 204;
  /** Kardow's sync answers 201 instead of `status` when the result says `created: true`. */
  createdStatus?: 201;
  /** The body is this field of the result (the others, like `created`, only choose the status). */
  bodyField?: string;
  /** The result is CSV text in chunks, sent as `text/csv` as it is read. */
  csv?: true;
  /** The result is the whole body, not wrapped in Kardow's `{"data": …}`: a page, whose `data` sits beside its cursor. */
  bare?: true;
  /** What the success response is, in the OpenAPI document (`Created a member` for the created status). */
  successDescription: string;
  /** Path parameters: wire name to input field. */
  params?: Partial<Record<string, InputKey<P>>>;
  /** Input fields read from the query string (Polar's by their snake_case names). */
  query?: readonly InputKey<P>[];
  /** Input fields read from the body; `rest` is every field not taken from the path or the query. */
  body?: readonly InputKey<P>[] | 'rest';
  errors: readonly ErrorStatus[];
  requestExamples?: Record<string, RequestExample>;
  responseExample?: unknown;
}

/** A row, checked against the procedure it names. */
export const route = <const P extends ProcedurePath>(row: RestRoute<P>): RestRoute<P> => row;

/** Any row of any table, as the adapter and the document generator walk them. */
export type AnyRestRoute = { [P in ProcedurePath]: RestRoute<P> }[ProcedurePath];
