import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * +1 and -1 rows that database triggers append as customer members come, go or change role, for their customer
 * (`customerKey` is its id) and for the whole organization (`'*'`): what a list's total sums instead of counting
 * members. Written by the triggers of the live_member_lists migration; read and folded by `liveMemberCount`.
 */
export const CustomerMemberTally = defineEntity({
  name: 'CustomerMemberTally',
  tableName: 'customer_member_tally',
  properties: (p) => ({
    id: p.bigint().primary().autoincrement(),
    organizationId: p.integer(),
    customerKey: p.string().length(36),
    role: p.string(),
    delta: p.integer(),
  }),
  indexes: [{ name: 'customer_member_tally_key', properties: ['organizationId', 'customerKey', 'role'] }],
});
export type CustomerMemberTally = InferEntity<typeof CustomerMemberTally>;
