import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Organization } from './organization.js';

/**
 * A member session of Polar's customer portal: one member of one customer, for an hour. The token is shown once,
 * when the session is made; only its SHA-256 is kept, as for API keys.
 */
export const CustomerSession = defineEntity({
  name: 'CustomerSession',
  tableName: 'customer_session',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    customerId: p.uuid(),
    memberId: p.uuid(),
    tokenHash: p.string().length(64).unique(),
    returnUrl: p.string().length(2083).nullable(),
    expiresAt: p.datetime(),
    createdAt: p.datetime(),
  }),
  indexes: [{ name: 'customer_session_expires_index', properties: ['expiresAt'] }],
});
export type CustomerSession = InferEntity<typeof CustomerSession>;
