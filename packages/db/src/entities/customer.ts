import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { customerType } from '@members/contracts';
import { Organization } from './organization.js';

/** A customer of an organization (Polar's surface): an individual, or a team with members. */
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
  }),
  uniques: [{ name: 'customer_organization_external_id_unique', properties: ['organization', 'externalId'] }],
});
export type Customer = InferEntity<typeof Customer>;
