import { procedureAt } from '../procedures.js';
import type { AnyRestRoute } from './route.js';

/** Where a route reads each field of its procedure's input. */
export interface FieldSources {
  /** Path parameters: [wire name, input field]. */
  params: (readonly [string, string])[];
  query: string[];
  body: string[];
}

export function fieldSources(route: AnyRestRoute): FieldSources {
  const params = Object.entries(route.params ?? {}).flatMap(([wire, field]) =>
    field === undefined ? [] : [[wire, field] as const],
  );
  const query: string[] = [...(route.query ?? [])];
  const taken = new Set<string>([...params.map(([, field]) => field), ...query]);
  const body =
    route.body === 'rest'
      ? Object.keys(procedureAt(route.procedure).input.shape).filter((field) => !taken.has(field))
      : [...(route.body ?? [])];
  return { params, query, body };
}
