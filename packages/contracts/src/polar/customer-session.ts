import { z } from 'zod';
import { whenAnObject } from '../primitives.js';
import { customer } from './customer.js';
import { polarId4, polarOutputId, polarTimestamp } from './fields.js';

/**
 * `POST /v1/customer-sessions/`: a session for a member of a customer, named by id or external id (Polar's two
 * create schemas; when both are sent the id wins, as the first of them matches). The member is named by id or
 * external id, else it is the customer's owner.
 */
export const customerSessionCreateInput = z
  .object({
    customerId: polarId4.optional(),
    externalCustomerId: z.string().min(1).max(256).optional(),
    memberId: polarId4.nullable().optional(),
    externalMemberId: z.string().min(1).max(256).nullable().optional(),
    returnUrl: z
      .url({ protocol: /^https?$/ })
      .min(1)
      .max(2083)
      .nullable()
      .optional(),
  })
  .refine((input) => input.customerId !== undefined || input.externalCustomerId !== undefined, {
    message: 'customer_id or external_customer_id is required',
    path: ['customerId'],
    when: whenAnObject,
  });
export type CustomerSessionCreateInput = z.infer<typeof customerSessionCreateInput>;

/** Polar's CustomerSession: the token is in this answer only; the portal URL carries it to this server's `/portal`. */
export const customerSession = z
  .object({
    createdAt: polarTimestamp,
    modifiedAt: polarTimestamp.nullable(),
    id: polarOutputId,
    token: z.string(),
    expiresAt: polarTimestamp,
    returnUrl: z.string().nullable(),
    customerPortalUrl: z.string(),
    customerId: polarOutputId,
    customer,
  })
  .meta({ id: 'CustomerSession' });
export type CustomerSession = z.infer<typeof customerSession>;
