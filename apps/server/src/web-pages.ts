import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import helmet from 'helmet';

/** The console's and the portal's build (apps/console), which `npm install` and `npm start` make. */
const built = path.join(path.dirname(createRequire(import.meta.url).resolve('@members/console/package.json')), 'dist');

/**
 * Nothing but this server: every script, style and request of the pages is same-origin, and no inline code runs,
 * so a page cannot be made to send a key or a session token anywhere else.
 */
const ownOriginOnly = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

const page =
  (name: 'console' | 'portal'): RequestHandler =>
  (_req, res) => {
    const file = path.join(built, name, 'index.html');
    if (!existsSync(file)) {
      res.status(503).type('text').send(`The ${name} is not built: run npm run build (npm start does it).`);
      return;
    }
    // Tokens arrive in the portal's URL: no page of ours tells another site where it was.
    res.set('Referrer-Policy', 'no-referrer').set('Cache-Control', 'no-store').sendFile(file);
  };

/** `/console` (the operator console), `/portal` (a customer's team), and their assets under `/web`. */
export function webPagesRouter(): Router {
  const router = Router();
  router.use('/web', ownOriginOnly, express.static(built, { index: false, maxAge: '1h', fallthrough: false }));
  router.get('/console', ownOriginOnly, page('console'));
  router.get('/portal', ownOriginOnly, page('portal'));
  return router;
}
