import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * +1 and -1 rows that database triggers append as an organization's members come, go or change role or approval:
 * what `GET /members` sums for its total instead of counting members. Written by the triggers of the member_lists
 * migration; read and folded by `listMembers`.
 */
export const MemberTally = defineEntity({
  name: 'MemberTally',
  tableName: 'member_tally',
  properties: (p) => ({
    id: p.bigint().primary().autoincrement(),
    organizationId: p.integer(),
    role: p.string(),
    approvalStatus: p.string(),
    delta: p.integer(),
  }),
  indexes: [{ name: 'member_tally_key', properties: ['organizationId', 'role', 'approvalStatus'] }],
});
export type MemberTally = InferEntity<typeof MemberTally>;
