import type { AuditFrame } from './audit/audit-frame.js';
import type { ApprovalStatus, ProcedureScope } from '@members/contracts';
import { LockMode, type Database, type EntityManager } from '@members/db';
import { subscribersOf, type SubscriberCache } from './webhooks/subscribers.js';
import type { PortalMember } from './auth/api-keys.js';

/**
 * What a service works within for one request or command: its unit of work, the organization every row it touches
 * belongs to, and the row lock that serializes writers.
 */
export interface RequestScope {
  /** The database the scope's unit of work came from (caches keyed by it, such as the API keys'). */
  db: Database;
  em: EntityManager;
  organization: { id: number; publicId: string; defaultApprovalStatus: ApprovalStatus };
  /** For the few queries whose SQL differs (JSON, LIKE): everything else is the ORM's. */
  dialect: Database['dialect'];
  /** FOR UPDATE on PostgreSQL; none on SQLite, whose single connection already runs every transaction alone. */
  writeLock: LockMode | undefined;
  /** Whom each organization's events go to, shared by the requests of the process. */
  subscribers: SubscriberCache;
  /** Events this transaction has written so far: their deliveries go out in that order. */
  emitted?: number;
  /** The API key calling, when one is (the console asks what it may do). */
  key?: { id: string; scopes: readonly ProcedureScope[] } | undefined;
  /** The member a customer portal session signed in (the portal's procedures act as it). */
  member?: PortalMember | undefined;
  /** This server as its caller reaches it (`PUBLIC_URL`, else the request's host): links it hands out start here. */
  origin?: string | undefined;
  /**
   * Set when the scope's work runs inside a transaction that someone else commits (a keyed request's): `work` runs
   * once that has committed, and not at all if it rolls back.
   */
  afterCommit?: ((work: () => Promise<void>) => void) | undefined;
  /** A change's audit entry, to be written with it (`audit/audit-trail.ts`); absent for reads. */
  audit?: AuditFrame | undefined;
}

function writeLockFor(dialect: Database['dialect']): LockMode | undefined {
  return dialect === 'postgresql' ? LockMode.PESSIMISTIC_WRITE : undefined;
}

/** A fresh scope (its own unit of work) for one organization: a request's, or an admin command's. */
export function scopeFor(
  db: Database,
  organization: RequestScope['organization'],
  caller: Pick<RequestScope, 'member' | 'origin' | 'key'> = {},
): RequestScope {
  return {
    ...caller,
    db,
    em: db.fork(),
    organization: {
      id: organization.id,
      publicId: organization.publicId,
      defaultApprovalStatus: organization.defaultApprovalStatus,
    },
    dialect: db.dialect,
    writeLock: writeLockFor(db.dialect),
    subscribers: subscribersOf(db),
  };
}

/** Runs `work` in one transaction, with the scope's unit of work swapped for the transaction's. */
export function inTransaction<T>(scope: RequestScope, work: (tx: RequestScope) => Promise<T>): Promise<T> {
  return scope.em.transactional((em) => work({ ...scope, em }));
}

/**
 * Runs `work` once the scope's changes are committed: at once when the caller's own transaction has ended, else when
 * the request's does. Call it after the transaction that made the changes. What `work` does is an afterthought of
 * a change already in: its failure is not the caller's.
 */
export async function whenCommitted(scope: RequestScope, work: () => Promise<void>): Promise<void> {
  if (scope.afterCommit) return scope.afterCommit(work);
  await work().catch(() => undefined);
}
