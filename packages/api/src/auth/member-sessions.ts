import { randomBytes } from 'node:crypto';
import { rawQuery, type EntityManager } from '@members/db';
import { portalScope, type CustomerMemberRole, type CustomerType } from '@members/contracts';
import { hashApiKey, type Principal } from './api-keys.js';
import { liveSql } from '../live-rows.js';

/** Polar's prefix for a member session token: it tells a session apart from an API key before any lookup. */
const SESSION_PREFIX = 'polar_mst_';

export const isSessionToken = (token: string) => token.startsWith(SESSION_PREFIX);

/** A new token (256 random bits) and the hash that is all the database keeps of it. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashApiKey(token) };
}

interface SessionRow {
  id: string;
  member_id: string;
  customer_id: string;
  role: CustomerMemberRole;
  customer_type: CustomerType;
  organization_id: number;
  public_id: string;
  default_approval_status: Principal['organization']['defaultApprovalStatus'];
}

/**
 * The principal of an unexpired session whose member and customer are both still live, or null. Read on every
 * request rather than cached: a member removed from the team, or demoted, loses what it lost at once.
 */
export async function principalForSessionToken(em: EntityManager, token: string): Promise<Principal | null> {
  const [row] = await rawQuery<SessionRow>(
    em,
    `select s.id, m.id as member_id, c.id as customer_id, m.role, c.type as customer_type, o.id as organization_id,
       o.public_id, o.default_approval_status
     from customer_session s
     join customer_member m on m.id = s.member_id and ${liveSql('m')}
     join customer c on c.id = s.customer_id and ${liveSql('c')}
     join organization o on o.id = s.organization_id
     where s.token_hash = ? and s.expires_at > ?`,
    [hashApiKey(token), new Date()],
  );
  if (!row) return null;
  return {
    keyId: row.id,
    organizationId: row.organization_id,
    organization: {
      id: row.organization_id,
      publicId: row.public_id,
      defaultApprovalStatus: row.default_approval_status,
    },
    scopes: [portalScope],
    member: {
      sessionId: row.id,
      id: row.member_id,
      customerId: row.customer_id,
      role: row.role,
      customerType: row.customer_type,
    },
  };
}
