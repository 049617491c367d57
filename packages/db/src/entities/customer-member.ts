import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { customerMemberRole } from '@members/contracts';
import { Customer } from './customer.js';
import { Organization } from './organization.js';

/**
 * A member of a customer. Deleting is soft (`deletedAt`), and the uniqueness rules hold among live members
 * only, so these are partial indexes, written out because the ORM cannot express a WHERE on an index; the same
 * statement works on PostgreSQL and SQLite.
 */
export const CustomerMember = defineEntity({
  name: 'CustomerMember',
  tableName: 'customer_member',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    customer: () => p.manyToOne(Customer).index(),
    email: p.string().length(320),
    /** lower(email): what "the same email" means within a customer. */
    emailKey: p.string().length(320),
    name: p.string().length(256).nullable(),
    externalId: p.string().length(256).nullable(),
    role: p.enum(customerMemberRole.options),
    createdAt: p.datetime(),
    modifiedAt: p.datetime().nullable(),
    deletedAt: p.datetime().nullable(),
  }),
  indexes: [
    // Polar's lists: live members, newest first, and their count from the index alone.
    {
      name: 'customer_member_live_by_organization',
      expression:
        'create index customer_member_live_by_organization on customer_member (organization_id, created_at, id) where deleted_at is null',
    },
    {
      name: 'customer_member_live_by_customer',
      expression:
        'create index customer_member_live_by_customer on customer_member (organization_id, customer_id, created_at, id) where deleted_at is null',
    },
  ],
  uniques: [
    {
      name: 'customer_member_email_unique',
      expression:
        'create unique index customer_member_email_unique on customer_member (customer_id, email_key) where deleted_at is null',
    },
    {
      name: 'customer_member_external_id_unique',
      expression:
        'create unique index customer_member_external_id_unique on customer_member (customer_id, external_id) where deleted_at is null',
    },
    {
      name: 'customer_member_one_owner',
      expression:
        "create unique index customer_member_one_owner on customer_member (customer_id) where role = 'owner' and deleted_at is null",
    },
  ],
});
export type CustomerMember = InferEntity<typeof CustomerMember>;
