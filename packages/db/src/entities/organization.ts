import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { approvalStatus } from '@members/contracts';

export const Organization = defineEntity({
  name: 'Organization',
  tableName: 'organization',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    /** A uuid4: how Polar's surface names the organization (its schema requires a uuid4 `organization_id`). */
    publicId: p.uuid().unique(),
    name: p.string().length(256),
    /** What a member created by sync gets when the request does not say. */
    defaultApprovalStatus: p.enum(approvalStatus.options).default('approved'),
    createdAt: p.datetime(),
  }),
});
export type Organization = InferEntity<typeof Organization>;
