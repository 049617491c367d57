/**
 * The server, as operators run it (`npm start`). Tracing, when OTEL_EXPORTER_OTLP_ENDPOINT asks for it, starts before
 * anything it instruments (http, Express, pg) is loaded; without it nothing of OpenTelemetry is loaded at all.
 */
import { readTracingConfig } from './config.js';

const tracing = readTracingConfig();
if (tracing.enabled) {
  const { startTracing } = await import('./tracing.js');
  startTracing(tracing.serviceName);
}
await import('./serve.js');
