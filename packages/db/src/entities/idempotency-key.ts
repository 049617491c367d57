import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A request made with an `Idempotency-Key`, kept 24 hours so a retry gets the first answer back instead of acting
 * again. The caller is the hash of its API key; `statusCode` is null while the first request is still running.
 */
export const IdempotencyKey = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_key',
  properties: (p) => ({
    id: p.uuid().primary(),
    callerHash: p.string().length(64),
    key: p.string().length(255),
    /** sha256 of method, path, query and body: the same key with another request is refused. */
    fingerprint: p.string().length(64),
    statusCode: p.integer().nullable(),
    responseBody: p.text().nullable(),
    createdAt: p.datetime(),
    expiresAt: p.datetime().index(),
  }),
  uniques: [{ name: 'idempotency_key_caller_key_unique', properties: ['callerHash', 'key'] }],
});
export type IdempotencyKey = InferEntity<typeof IdempotencyKey>;
