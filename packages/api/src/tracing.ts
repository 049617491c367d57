import { context, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

/**
 * Our own spans (procedures, webhook deliveries), through the OpenTelemetry API: with no SDK started (tracing off) the
 * tracer is the API's no-op, so a span costs a function call and nothing is recorded or sent.
 */
const tracer = trace.getTracer('members');

/** Runs `work` inside a span named `name`; a thrown error marks the span failed and is thrown on. */
export function inSpan<T>(
  name: string,
  attributes: Record<string, string>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Runs `work` with tracing suppressed: the delivery worker's claims, which poll several times a second whether or
 * not anything is due, would otherwise be a trace each, a steady stream of noise for the collector.
 */
export const untraced = <T>(work: () => Promise<T>): Promise<T> =>
  context.with(suppressTracing(context.active()), work);
