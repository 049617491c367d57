import { ApiKey, Organization, type Database } from '@members/db';
import type { ApiKeySummary, CurrentKey, IssuedApiKey } from '@members/contracts';
import { principalsOf } from '../auth/principal-cache.js';
import { DomainError, notFound } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import { issueApiKey } from './organizations.js';

const summaryOf = (key: ApiKey): ApiKeySummary => ({
  id: key.id,
  name: key.name ?? null,
  scopes: key.scopes,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

/** The calling key and its organization: whom the console is signed in as. */
export async function currentKey(scope: RequestScope, keyId: string): Promise<CurrentKey> {
  const [organization, key] = await Promise.all([
    scope.em.findOneOrFail(Organization, { id: scope.organization.id }),
    scope.em.findOneOrFail(ApiKey, { id: keyId }),
  ]);
  return {
    organization: { id: organization.id, name: organization.name, publicId: organization.publicId },
    apiKey: { id: key.id, name: key.name ?? null, scopes: key.scopes },
  };
}

/** Every key of the organization, revoked ones too, oldest first. */
export async function listApiKeys(scope: RequestScope): Promise<ApiKeySummary[]> {
  const keys = await scope.em.find(
    ApiKey,
    { organization: scope.organization.id },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return keys.map(summaryOf);
}

/**
 * A new key with the old one's name and scopes, and the old one revoked, in one transaction: a rotation never
 * leaves the organization with both keys or with neither.
 */
export async function rotateApiKey(
  db: Database,
  id: string,
): Promise<{ apiKey: IssuedApiKey; revoked: { id: string; revokedAt: string } }> {
  const result = await db.fork().transactional(async (tx) => {
    const old = await tx.findOne(ApiKey, { id });
    if (!old) throw notFound(`No API key with id ${id}`);
    if (old.revokedAt) throw new DomainError('conflict', `API key ${id} was revoked at ${old.revokedAt.toISOString()}`);
    const apiKey = await issueApiKey(tx, old.organization.id, old.scopes, old.name ?? undefined);
    old.revokedAt = new Date();
    await tx.flush();
    return { apiKey, revoked: { id: old.id, revokedAt: old.revokedAt.toISOString() }, keyHash: old.keyHash };
  });
  principalsOf(db).forget(result.keyHash);
  return { apiKey: result.apiKey, revoked: result.revoked };
}
