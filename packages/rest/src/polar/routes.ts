import { Router } from 'express';
import { memberChanges } from '@members/contracts';
import type { CreateContext } from '../caller.js';
import { jsonBody } from '../body.js';
import { polarBodyErrors } from './errors.js';
import { polarRoute, type Caller, type PolarInputs } from './route.js';

const listQuery = { query: true, repeated: ['sorting'] };
const changes = { body: true, bodyFields: Object.keys(memberChanges) };

/** Polar's `/v1/members` and `/v1/customers` routes, flat and nested, each onto one procedure. */
export function polarRoutes(createContext: CreateContext, bodyLimit: number): Router {
  const routes = Router();
  const route = <I, O>(inputs: PolarInputs, status: number, procedure: (api: Caller) => (input: I) => Promise<O>) =>
    polarRoute(createContext, inputs, status, procedure);
  routes.use('/v1', jsonBody(bodyLimit), polarBodyErrors);

  // Express 5 matches `/v1/members` and `/v1/members/` alike.
  routes.post(
    '/v1/members',
    route({ body: true }, 201, (api) => api.members.create),
  );
  routes.get(
    '/v1/members',
    route(listQuery, 200, (api) => api.members.list),
  );
  routes.get(
    '/v1/members/external/:external_id',
    route({ path: { external_id: 'externalId' }, query: true }, 200, (api) => api.members.getByExternalId),
  );
  routes.patch(
    '/v1/members/external/:external_id',
    route(
      { path: { external_id: 'externalId' }, query: true, ...changes },
      200,
      (api) => api.members.updateByExternalId,
    ),
  );
  routes.delete(
    '/v1/members/external/:external_id',
    route({ path: { external_id: 'externalId' }, query: true }, 204, (api) => api.members.deleteByExternalId),
  );
  routes.get(
    '/v1/members/:id',
    route({ path: { id: 'id' } }, 200, (api) => api.members.get),
  );
  routes.patch(
    '/v1/members/:id',
    route({ path: { id: 'id' }, ...changes }, 200, (api) => api.members.update),
  );
  routes.delete(
    '/v1/members/:id',
    route({ path: { id: 'id' } }, 204, (api) => api.members.delete),
  );

  routes.post(
    '/v1/customers',
    route({ body: true }, 201, (api) => api.customers.create),
  );
  routes.get(
    '/v1/customers',
    route(listQuery, 200, (api) => api.customers.list),
  );
  routes.get(
    '/v1/customers/:id',
    route({ path: { id: 'id' } }, 200, (api) => api.customers.get),
  );

  const nested = { id: 'customerId' };
  const nestedMember = { id: 'customerId', member_id: 'id' };
  routes.post(
    '/v1/customers/:id/members',
    route({ path: nested, body: true }, 201, (api) => api.members.create),
  );
  routes.get(
    '/v1/customers/:id/members',
    route({ path: nested, ...listQuery }, 200, (api) => api.members.list),
  );
  routes.get(
    '/v1/customers/:id/members/:member_id',
    route({ path: nestedMember }, 200, (api) => api.members.get),
  );
  routes.patch(
    '/v1/customers/:id/members/:member_id',
    route({ path: nestedMember, ...changes }, 200, (api) => api.members.update),
  );
  routes.delete(
    '/v1/customers/:id/members/:member_id',
    route({ path: nestedMember }, 204, (api) => api.members.delete),
  );

  routes.use('/v1', (req, res) => {
    res.status(404).json({ error: 'ResourceNotFound', detail: `No route ${req.method} ${req.path}` });
  });
  return routes;
}
