import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import type { openApiDocument } from '@members/openapi';
import { trpcReferencePage } from '@members/trpc';

/** swagger-ui-dist's files, served by this process: the reference page needs nothing from a CDN. */
const assets = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Members service API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <nav aria-label="References"><a href="/docs/trpc">tRPC procedures reference</a> (for TypeScript apps calling /trpc)</nav>
  <div id="reference"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`;

// validatorUrl: null keeps the page from asking swagger.io to validate the document: nothing leaves this server.
const init = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true, validatorUrl: null });`;

/** `/docs` (REST, Swagger UI over `/openapi.json`) and `/docs/trpc` (every tRPC procedure), from the same contracts. */
export function docsRouter(openApi: ReturnType<typeof openApiDocument>): Router {
  const router = Router();
  const trpcPage = trpcReferencePage(openApi.info.version);
  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/docs/trpc', (_req, res) => {
    res.type('html').send(trpcPage);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('js').send(init);
  });
  router.use('/docs/assets', express.static(assets, { index: false, maxAge: '1d' }));
  return router;
}
