import { z } from 'zod';
import { approvalStatus, memberRole, subscriptionStatus, surfaceName } from './enums.js';
import { isoDateTime } from './primitives.js';

const count = z.int().min(0);

/** The window of the members chart, in days back from today (UTC). */
export const overviewMembersInput = z.object({ days: z.union([z.literal(30), z.literal(90)]).default(30) });

/** The organization's members at a glance: every figure read from tallies the database keeps, never by counting rows. */
export const overviewMembers = z
  .object({
    total: count,
    /** New members per UTC day, oldest first, every day of the window (zeros included), today last. */
    perDay: z.array(z.object({ day: z.iso.date(), count })),
    byRole: z.array(z.object({ role: memberRole, count })),
    byApproval: z.array(z.object({ approvalStatus, count })),
  })
  .meta({ id: 'OverviewMembers' });
export type OverviewMembers = z.infer<typeof overviewMembers>;

/** Subscriptions by status and by plan, plans by name. */
export const overviewSubscriptions = z
  .object({
    total: count,
    byStatus: z.array(z.object({ status: subscriptionStatus, count })),
    byPlan: z.array(z.object({ planId: z.string(), planName: z.string(), count })),
  })
  .meta({ id: 'OverviewSubscriptions' });
export type OverviewSubscriptions = z.infer<typeof overviewSubscriptions>;

/** Webhook deliveries created in the last 24 hours, both surfaces, and the endpoints slowest to answer. */
export const overviewWebhooks = z
  .object({
    since: isoDateTime,
    succeeded: count,
    /** Pending after at least one failed attempt. */
    retrying: count,
    /** Pending and not yet tried. */
    queued: count,
    failed: count,
    slowestEndpoints: z.array(
      z.object({
        endpointId: z.string(),
        url: z.string(),
        surface: surfaceName,
        attempts: count,
        averageMs: count,
        maxMs: count,
      }),
    ),
  })
  .meta({ id: 'OverviewWebhooks' });
export type OverviewWebhooks = z.infer<typeof overviewWebhooks>;
