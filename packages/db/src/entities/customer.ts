import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { customerType } from '@members/contracts';
import { Organization } from './organization.js';

/**
 * A customer of an organization (Polar's surface): an individual, or a team with members. Deleting is soft
 * (`deletedAt`); the external id is unique among live customers only, so a deleted one's is free again.
 */
export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    type: p.enum(customerType.options),
    email: p.string().length(320).nullable(),
    name: p.string().length(256).nullable(),
    externalId: p.string().length(256).nullable(),
    metadata: p.json<Record<string, string | number | boolean>>(),
    createdAt: p.datetime(),
    modifiedAt: p.datetime().nullable(),
    deletedAt: p.datetime().nullable(),
  }),
  indexes: [{ name: 'customer_organization_created_index', properties: ['organization', 'createdAt'] }],
  uniques: [
    {
      name: 'customer_external_id_unique',
      expression:
        'create unique index customer_external_id_unique on customer (organization_id, external_id) where deleted_at is null',
    },
  ],
});
export type Customer = InferEntity<typeof Customer>;
