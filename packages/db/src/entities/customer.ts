import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { customerType } from '@members/contracts';
import { Organization } from './organization.js';

/**
 * A customer of an organization (Polar's surface): an individual, or a team with members. Deleting is soft
 * (`deletedAt`); the external id and the email (case-insensitively) are unique among live customers only, so a
 * deleted one's are free again.
 */
export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    type: p.enum(customerType.options),
    email: p.string().length(320).nullable(),
    /** The email lower-cased (the contract's emails are ASCII), unique among the organization's live customers. */
    emailKey: p.string().length(320).nullable(),
    /**
     * 0, except for customers that already shared an email with an older live customer when emails became unique
     * (migration `customer_email_unique`): those are kept, numbered 1, 2, … in the order they were made, which holds
     * them apart in the unique index until their email changes. `admin customer duplicates` lists them.
     */
    emailDuplicate: p.integer(),
    name: p.string().length(256).nullable(),
    externalId: p.string().length(256).nullable(),
    metadata: p.json<Record<string, string | number | boolean>>(),
    createdAt: p.datetime(),
    modifiedAt: p.datetime().nullable(),
    deletedAt: p.datetime().nullable(),
  }),
  indexes: [
    { name: 'customer_organization_created_index', properties: ['organization', 'createdAt'] },
    {
      name: 'customer_email_duplicate_index',
      expression:
        'create index customer_email_duplicate_index on customer (organization_id) where email_duplicate > 0 and deleted_at is null',
    },
  ],
  uniques: [
    {
      name: 'customer_email_unique',
      expression:
        'create unique index customer_email_unique on customer (organization_id, email_key, email_duplicate) where deleted_at is null',
    },
    {
      name: 'customer_external_id_unique',
      expression:
        'create unique index customer_external_id_unique on customer (organization_id, external_id) where deleted_at is null',
    },
  ],
});
export type Customer = InferEntity<typeof Customer>;
