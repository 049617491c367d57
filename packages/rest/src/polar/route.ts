import type { Request, RequestHandler } from 'express';
import { callerFor, type CreateContext } from '../caller.js';
import { fromWire, isPlainObject, toSnake, toWire } from './casing.js';
import { sendPolarError } from './errors.js';
import type { WireOrigin } from './validation-detail.js';

export interface PolarInputs {
  /** Path parameters by their wire name, each with the procedure input key it fills. */
  path?: Record<string, string>;
  query?: boolean;
  body?: boolean;
  /** Query keys that may repeat (`?sorting=a&sorting=b`): always handed over as a list. */
  repeated?: string[];
  /**
   * The only body fields taken (input keys). Updates take just the changes, so a `customer_id` in a PATCH body
   * cannot act as a filter: Polar ignores it.
   */
  bodyFields?: readonly string[];
}

export type Caller = ReturnType<typeof callerFor>;

/**
 * The one place wire input becomes procedure input. It is handed over unvalidated on purpose: the procedure
 * checks it against its own zod schema, and its errors are reported against the wire names kept here.
 */
function unvalidated<T>(input: Record<string, unknown>): T {
  return input as T;
}

function pick(fields: unknown, only: readonly string[] | undefined): Record<string, unknown> {
  const all = isPlainObject(fields) ? fields : {};
  return only ? Object.fromEntries(Object.entries(all).filter(([key]) => only.includes(key))) : all;
}

function wireQuery(req: Request, repeated: string[]): Record<string, unknown> {
  const query: Record<string, unknown> = { ...req.query };
  for (const key of repeated) {
    const value = query[key];
    if (value !== undefined && !Array.isArray(value)) query[key] = [value];
  }
  return query;
}

/**
 * A Polar route: snake_case wire input into camelCase procedure input, the result back to snake_case with
 * `status`, and any error in Polar's own body with `loc` naming the field where the caller put it.
 */
export function polarRoute<I, O>(
  createContext: CreateContext,
  inputs: PolarInputs,
  status: number,
  procedure: (caller: Caller) => (input: I) => Promise<O>,
): RequestHandler {
  const pathKeys = inputs.path ?? {};
  const inputKeyToPath = Object.fromEntries(Object.entries(pathKeys).map(([wire, input]) => [input, wire]));
  return async (req, res) => {
    const query = inputs.query ? wireQuery(req, inputs.repeated ?? []) : {};
    const body: unknown = inputs.body ? req.body : undefined;
    const path = Object.fromEntries(Object.keys(pathKeys).map((wire) => [wire, req.params[wire]]));
    const origin = (inputKey: string): WireOrigin => {
      const pathKey = inputKeyToPath[inputKey];
      if (pathKey !== undefined) return { source: 'path', key: pathKey };
      const wireKey = toSnake(inputKey);
      return { source: inputs.query && wireKey in query ? 'query' : inputs.body ? 'body' : 'query', key: wireKey };
    };
    try {
      const input: Record<string, unknown> = {
        ...(inputs.query ? pick(fromWire(query), undefined) : {}),
        // A body that is not an object adds no fields; the procedure then reports each one missing.
        ...(inputs.body && isPlainObject(body) ? pick(fromWire(body), inputs.bodyFields) : {}),
        ...Object.fromEntries(Object.entries(pathKeys).map(([wire, inputKey]) => [inputKey, req.params[wire]])),
      };
      const result = await procedure(callerFor(createContext, req))(unvalidated<I>(input));
      if (status === 204) res.status(204).end();
      else res.status(status).json(toWire(result));
    } catch (error) {
      sendPolarError(res, error, origin, { body, query, path });
    }
  };
}
