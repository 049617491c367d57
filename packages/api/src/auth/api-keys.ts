import { createHash, randomBytes } from 'node:crypto';
import { ApiKey, type EntityManager } from '@members/db';
import type { Scope } from '@members/contracts';
import type { Organization } from '@members/db';

/** The prefix tells a leaked key apart in logs and secret scanners; the rest is 256 random bits. */
const KEY_PREFIX = 'mk_';

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Who is calling: resolved once per request from the key. */
export interface Principal {
  keyId: string;
  organizationId: number;
  /** The organization's default for members created without an approvalStatus. */
  organization: Pick<Organization, 'id' | 'publicId' | 'defaultApprovalStatus'>;
  scopes: readonly Scope[];
}

/** The principal of the key with this hash, or null for an unknown or revoked key. */
export async function principalForKeyHash(em: EntityManager, keyHash: string): Promise<Principal | null> {
  const apiKey = await em.findOne(
    ApiKey,
    { keyHash, revokedAt: null },
    { populate: ['organization'], disableIdentityMap: true },
  );
  if (!apiKey) return null;
  return {
    keyId: apiKey.id,
    organizationId: apiKey.organization.id,
    organization: apiKey.organization,
    scopes: apiKey.scopes,
  };
}

/** `x-api-key: KEY` or `Authorization: Bearer KEY`, whichever is present. */
export function apiKeyFromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const direct = first(headers['x-api-key'])?.trim();
  if (direct) return direct;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(first(headers.authorization) ?? '');
  return match?.[1] ?? null;
}
