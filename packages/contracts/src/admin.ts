import { z } from 'zod';
import { customerType, scopes, scope } from './enums.js';

/** Inputs of the admin command line, checked like every other input. */
export const organizationCreateInput = z.object({ name: z.string().trim().min(1).max(256) });

export const apiKeyCreateInput = z.object({
  organizationId: z.coerce.number().int().positive(),
  /** No scopes given means every scope. */
  scopes: z
    .array(scope)
    .min(1)
    .default([...scopes]),
  name: z.string().trim().min(1).max(256).optional(),
});

export const apiKeyRevokeInput = z.object({ id: z.guid() });

export const planCreateInput = z.object({
  organizationId: z.coerce.number().int().positive(),
  name: z.string().trim().min(1).max(255),
  stripePriceId: z.string().trim().min(1).max(255).optional(),
  paypalPlanId: z.string().trim().min(1).max(255).optional(),
  jobsIncluded: z.coerce.number().int().min(0).optional(),
});

export const customerCreateAdminInput = z.object({
  organizationId: z.coerce.number().int().positive(),
  email: z.email(),
  name: z.string().trim().min(1).max(256).optional(),
  externalId: z.string().trim().min(1).max(256).optional(),
  type: customerType.default('individual'),
});
