import { z } from 'zod';
import { kardowEvents, polarEvents } from '@members/contracts';
import type { JsonSchema, SchemaComponents } from './json-schema.js';

const header = (name: string, description: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
});

const signatures = {
  kardow: [header('X-Kardow-Signature', 'sha256=<hex HMAC-SHA256 of the body, keyed by the subscription secret>')],
  polar: [
    header('webhook-id', "The delivery's id (Standard Webhooks)"),
    header('webhook-timestamp', 'Seconds since the epoch when the attempt was signed'),
    header('webhook-signature', 'v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed by the endpoint secret'),
  ],
};

/**
 * The OpenAPI `webhooks` of every event the service sends, from the event catalogue: each a POST to the
 * subscriber's URL with the body, signature headers and casing of its surface.
 */
export function webhookItems(components: SchemaComponents): Record<string, unknown> {
  const item = (surface: 'kardow' | 'polar', name: string, body: JsonSchema): [string, object] => [
    name,
    {
      post: {
        summary: `${name} (${surface === 'kardow' ? 'Kardow subscriptions' : 'Polar endpoints'})`,
        operationId: `webhook:${name}`,
        parameters: signatures[surface],
        requestBody: { required: true, content: { 'application/json': { schema: body } } },
        responses: {
          '2XX': { description: 'Received; any other answer (or none within the timeout) is retried with backoff' },
        },
      },
    },
  ];
  const timestamp = z.iso.datetime();
  return Object.fromEntries([
    ...Object.entries(kardowEvents).map(([name, data]) =>
      item(
        'kardow',
        name,
        components.convert(z.object({ event: z.literal(name), timestamp, data }), 'output', 'camel'),
      ),
    ),
    ...Object.entries(polarEvents).map(([name, data]) =>
      item('polar', name, components.convert(z.object({ type: z.literal(name), timestamp, data }), 'output', 'snake')),
    ),
  ]);
}
