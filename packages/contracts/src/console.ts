import { z } from 'zod';
import { scope } from './enums.js';

/** Who the console is signed in as: the key's organization and what the key may do. */
export const currentKey = z.object({
  organization: z.object({ id: z.int(), name: z.string(), publicId: z.string() }),
  apiKey: z.object({ id: z.string(), name: z.string().nullable(), scopes: z.array(scope) }),
});
export type CurrentKey = z.infer<typeof currentKey>;

/** An API key as the console lists it: never the key itself, which is not kept. */
export const apiKeySummary = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    scopes: z.array(scope),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKeySummary' });
export type ApiKeySummary = z.infer<typeof apiKeySummary>;

export const apiKeyIssueInput = z.object({
  name: z.string().trim().min(1).max(256).optional(),
  scopes: z.array(scope).min(1),
});
/** A new key: the only time it is ever shown. */
export const issuedApiKey = z.object({ id: z.string(), key: z.string(), scopes: z.array(scope) });
export type IssuedApiKey = z.infer<typeof issuedApiKey>;
export const apiKeyByIdInput = z.object({ id: z.guid() });
export const revokedApiKey = z.object({ id: z.string(), revokedAt: z.string() });

export const plan = z
  .object({
    id: z.string(),
    name: z.string(),
    stripePriceId: z.string().nullable(),
    paypalPlanId: z.string().nullable(),
    jobsIncluded: z.int().nullable(),
  })
  .meta({ id: 'Plan' });
export const planCreateFields = z.object({
  name: z.string().trim().min(1).max(255),
  stripePriceId: z.string().trim().min(1).max(255).optional(),
  paypalPlanId: z.string().trim().min(1).max(255).optional(),
  jobsIncluded: z.int().min(0).max(2_147_483_647).optional(),
});
