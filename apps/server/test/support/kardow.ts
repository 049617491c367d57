import type { KardowErrorBody, MemberDetail, MemberSyncResult } from '@members/contracts';
import { request, type Reply } from './http.js';

export type SyncReply = Reply<{ data: MemberSyncResult }>;
export type ErrorReply = Reply<KardowErrorBody>;

/** POST /members/sync as a Kardow workflow sends it. */
export function sync(baseUrl: string, key: string | null, body: unknown): Promise<SyncReply> {
  return request(`${baseUrl}/members/sync`, { method: 'POST', key, body });
}

export function syncFailing(baseUrl: string, key: string | null, body: unknown): Promise<ErrorReply> {
  return request(`${baseUrl}/members/sync`, { method: 'POST', key, body });
}

export function lookup(baseUrl: string, key: string, emailOrId: string): Promise<Reply<{ data: MemberDetail }>> {
  return request(`${baseUrl}/members/${encodeURIComponent(emailOrId)}`, { key });
}

/** The issue paths of an error body, joined with dots, sorted. */
export function issuePaths(reply: ErrorReply): string[] {
  return reply.body.error.issues.map((issue) => issue.path.join('.')).sort();
}

/** The fields of a subscription on Kardow's wire (sync's `access`, the access route's `data`), as Kardow's reference lists them. */
export const subscriptionFields = [
  'id',
  'organizationId',
  'userId',
  'planId',
  'status',
  'stripeSubscriptionId',
  'currentPeriodStart',
  'currentPeriodEnd',
  'cancelAt',
  'canceledAt',
  'jobsRemaining',
  'metadata',
];
