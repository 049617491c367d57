import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { approvalStatus, memberRole, type JsonObject } from '@members/contracts';
import { Organization } from './organization.js';

/** A member of an organization (Kardow's surface). Emails are stored trimmed and lower-cased. */
export const Member = defineEntity({
  name: 'Member',
  tableName: 'member',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    email: p.string().length(320),
    name: p.string().length(256),
    role: p.enum(memberRole.options),
    approvalStatus: p.enum(approvalStatus.options),
    profilePicture: p.string().length(2048).nullable(),
    description: p.text().nullable(),
    customFields: p.json<JsonObject>().nullable(),
    createdAt: p.datetime(),
    /** Set by the ORM only when a flush really changes the row. */
    updatedAt: p.datetime().onUpdate(() => new Date()),
  }),
  uniques: [{ name: 'member_organization_email_unique', properties: ['organization', 'email'] }],
  /** The list's order, newest first: a page is a walk from its cursor. */
  indexes: [{ name: 'member_organization_created', properties: ['organization', 'createdAt', 'id'] }],
});
export type Member = InferEntity<typeof Member>;
