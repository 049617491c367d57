import { DomainError, procedureByPath } from '@members/api';
import { restRoutes } from '@members/contracts';
import { surfaces } from '../src/index.js';
import { requestInput } from '../src/request-input.js';
import type { RenderedError } from '../src/surface.js';

/** A request as Express hands it over: path parameters, the parsed query string and the parsed body. */
interface Sent {
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

/** How the route with this operation id reads a request, and how its surface answers what it refuses. */
export function routeReading(operationId: string) {
  const row = restRoutes.find((candidate) => candidate.operationId === operationId);
  if (!row) throw new Error(`no route ${operationId}`);
  const surface = surfaces[row.surface];
  const input = requestInput(row, surface, procedureByPath(row.route.procedure));
  const request = (sent: Sent) => input.wireOf({ params: sent.params ?? {}, query: sent.query ?? {}, body: sent.body });
  return {
    read: (sent: Sent) => input.read(request(sent)),
    /** What the caller is answered when the route refuses what was sent. */
    refusal(sent: Sent): RenderedError {
      const wire = request(sent);
      try {
        input.read(wire);
      } catch (error) {
        if (error instanceof DomainError) return surface.render(error, { wire, locate: input.locate });
        throw error;
      }
      throw new Error('the request was read without a refusal');
    },
  };
}
