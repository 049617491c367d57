import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { metrics } from '@members/api';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` in Prometheus' text format. With a token set, a scrape must send `Authorization: Bearer <token>`
 * (compared in constant time); without, the route is open, as on a private network behind the operator's own access.
 */
export function metricsRouter(token: string | undefined): Router {
  const router = Router();
  router.get('/metrics', async (req, res, next) => {
    if (token !== undefined) {
      const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(sent), digest(token))) {
        res.status(401).set('WWW-Authenticate', 'Bearer').type('text').send('a metrics token is required\n');
        return;
      }
    }
    try {
      const body = await metrics.metricsRegistry.metrics();
      res.type(metrics.metricsRegistry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
