import { createHash, randomBytes } from 'node:crypto';
import { ApiKey, type EntityManager } from '@members/db';
import type { CustomerMemberRole, CustomerType, ProcedureScope } from '@members/contracts';
import type { Organization } from '@members/db';

/** The prefix tells a leaked key apart in logs and secret scanners; the rest is 256 random bits. */
const KEY_PREFIX = 'mk_';

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The hashes of the keys seen lately: a busy key is hashed once, not on every request (SHA-256 was the costliest
 * step of authenticating a cached key). Bounded, oldest first out; it holds what every request carries anyway.
 */
const recentHashes = new Map<string, string>();
const recentHashLimit = 1000;

export function hashApiKey(key: string): string {
  const known = recentHashes.get(key);
  if (known !== undefined) return known;
  const hash = createHash('sha256').update(key).digest('hex');
  recentHashes.set(key, hash);
  if (recentHashes.size > recentHashLimit) recentHashes.delete(recentHashes.keys().next().value as string);
  return hash;
}

/** Who is calling: resolved once per request from an API key or a customer portal session. */
export interface Principal {
  /** The API key's id, or the session's: what the rate limit charges. */
  keyId: string;
  /** The API key's name (a session has none): who made a change, in the audit trail. */
  keyName?: string | null;
  organizationId: number;
  /** The organization's default for members created without an approvalStatus. */
  organization: Pick<Organization, 'id' | 'publicId' | 'defaultApprovalStatus'>;
  scopes: readonly ProcedureScope[];
  /** A portal session's member of a customer (absent for an API key). */
  member?: PortalMember;
}

/** The member a customer portal session signs in, as the session's request finds it. */
export interface PortalMember {
  sessionId: string;
  id: string;
  customerId: string;
  role: CustomerMemberRole;
  customerType: CustomerType;
}

/** A key's use is written at most this often, so a busy key costs no write per request. */
const lastUsedGrainMs = 60_000;

/** The principal of the key with this hash, or null for an unknown or revoked key. */
export async function principalForKeyHash(em: EntityManager, keyHash: string): Promise<Principal | null> {
  const apiKey = await em.findOne(
    ApiKey,
    { keyHash, revokedAt: null },
    { populate: ['organization'], disableIdentityMap: true },
  );
  if (!apiKey) return null;
  const now = new Date();
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() > lastUsedGrainMs) {
    // Not awaited, and a failure only leaves the time older: a request never waits on bookkeeping.
    em.nativeUpdate(ApiKey, { id: apiKey.id }, { lastUsedAt: now }).catch(() => undefined);
  }
  return {
    keyId: apiKey.id,
    keyName: apiKey.name,
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
