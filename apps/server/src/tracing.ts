import { register } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

let sdk: NodeSDK | undefined;

/**
 * OpenTelemetry spans over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the SDK reads the OTEL_* variables: service
 * name, headers, sampler, batch delay): one for each request (http, then Express's route), for each procedure and
 * webhook delivery (ours, through @opentelemetry/api), and for each PostgreSQL query. The server's modules are ES
 * modules, so the loader hook that lets an instrumentation patch an `import` is registered first.
 */
export function startTracing(serviceName: string): void {
  // Only Express is reached through an ES `import`: pg is required by knex, and http's server is patched on its
  // prototype. Hooking every module broke MikroORM's ESM entry, which imports its CommonJS build.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: ['express'] } });
  sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        // The request's span carries the id its log line and response carry (taken from X-Request-Id or made).
        applyCustomAttributesOnSpan: (span, _request, response) => {
          const id = 'getHeader' in response ? response.getHeader('x-request-id') : undefined;
          if (typeof id === 'string') span.setAttribute('request.id', id);
        },
      }),
      // Routes and their handlers; a span for each middleware (helmet, body parsing) would say little at a cost.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
}

/** Sends the spans still buffered; the server calls it on its way out. */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
}
