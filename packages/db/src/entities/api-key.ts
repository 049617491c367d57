import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Scope } from '@members/contracts';
import { Organization } from './organization.js';

/** A key is shown once when created; only its SHA-256 is kept, which is enough for a 256-bit random secret. */
export const ApiKey = defineEntity({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: (p) => ({
    id: p.uuid().primary(),
    organization: () => p.manyToOne(Organization),
    name: p.string().length(256).nullable(),
    keyHash: p.string().length(64).unique(),
    scopes: p.json<Scope[]>(),
    createdAt: p.datetime(),
    /** When a request last used the key, to the minute: written at most once a minute per key. */
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  }),
});
export type ApiKey = InferEntity<typeof ApiKey>;
