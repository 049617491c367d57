import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SurfaceName } from '@members/contracts';

/** Kardow's header: `sha256=` and the hex HMAC-SHA256 of the raw body with the subscription's secret. */
export const kardowSignature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`), keyed the way Polar's SDK
 * verifies them: the secret's UTF-8 bytes, base64-encoded, are the key.
 */
export function polarSignatureHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const signature = new Webhook(Buffer.from(secret, 'utf8').toString('base64')).sign(id, at, body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

export const newWebhookSecret = (surface: SurfaceName) =>
  `${surface === 'polar' ? 'polar_whs_' : 'whsec_'}${randomBytes(32).toString('base64url')}`;
