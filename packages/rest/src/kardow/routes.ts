import { Router } from 'express';
import { callerFor, type CreateContext } from '../caller.js';
import { jsonBody } from '../body.js';
import { kardowErrors } from './errors.js';

/** Kardow's paths and camelCase wire shapes; every body is `{"data": …}`. */
export function kardowRoutes(createContext: CreateContext, bodyLimit: number): Router {
  const routes = Router();
  routes.use('/members', jsonBody(bodyLimit));

  routes.post('/members/sync', async (req, res) => {
    const result = await callerFor(createContext, req).members.sync(req.body);
    res.status(result.created ? 201 : 200).json({ data: result });
  });

  routes.post('/members/access', async (req, res) => {
    res.json({ data: await callerFor(createContext, req).members.access(req.body) });
  });

  routes.get('/members/:lookup', async (req, res) => {
    const detail = await callerFor(createContext, req).members.lookup({ lookup: req.params.lookup });
    res.json({ data: detail });
  });

  routes.use('/members', kardowErrors);
  return routes;
}
