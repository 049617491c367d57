import { z } from 'zod';
import { kardowEventTypes } from './events.js';

/** An http(s) URL the service will POST events to; private addresses are refused by the service (not here). */
export const webhookTargetUrl = z.url({ protocol: /^https?$/ }).max(2083);

/**
 * Where Kardow sends: a `webhook` gets the signed event; `discord` and `slack` (incoming-webhook URLs) get a short
 * message per event, unsigned.
 */
export const kardowTargetType = z.enum(['webhook', 'discord', 'slack']);
export type KardowTargetType = z.infer<typeof kardowTargetType>;

/** Kardow's `POST /webhooks`: subscribe a URL to one event, or to every event with `*`. */
export const kardowSubscriptionCreateInput = z.object({
  event: z.enum([...kardowEventTypes, '*']),
  target_type: kardowTargetType,
  target_url: webhookTargetUrl,
  /** Generated when not given; shown only in this response. Ignored for chat targets, which are not signed. */
  secret: z.string().min(16).max(256).optional(),
});
export type KardowSubscriptionCreateInput = z.infer<typeof kardowSubscriptionCreateInput>;

/** A Kardow webhook subscription, snake_case as Kardow serves it. */
export const kardowSubscription = z
  .object({
    id: z.string(),
    event: z.string(),
    target_type: kardowTargetType,
    target_url: z.string(),
    is_enabled: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'KardowWebhookSubscription' });
export type KardowSubscription = z.infer<typeof kardowSubscription>;

/** What subscribing answers: the subscription (its secret the first time only) and whether it is new. */
export const kardowSubscriptionCreated = z.object({
  subscription: kardowSubscription.extend({ secret: z.string().optional() }),
  created: z.boolean(),
});

export const kardowSubscriptionList = z.array(kardowSubscription);
export const kardowSubscriptionByIdInput = z.object({ id: z.guid() });

/** The console's changes to a subscription (Kardow's API has none): its event, and whether it is enabled. */
export const kardowSubscriptionUpdateInput = z.object({
  id: z.guid(),
  event: z.enum([...kardowEventTypes, '*']).optional(),
  enabled: z.boolean().optional(),
});
export type KardowSubscriptionUpdateInput = z.infer<typeof kardowSubscriptionUpdateInput>;

/** A subscription's new secret: shown in this answer only. */
export const kardowSubscriptionSecret = z.object({ id: z.string(), secret: z.string() });
