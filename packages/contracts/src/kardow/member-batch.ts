import { z } from 'zod';
import { errorCode, errorIssue } from '../errors.js';
import { organizationMember } from './organization-member.js';

/** Kardow's bulk sync: 1 to 1,000 sync bodies, each checked on its own so one bad item blocks no other. */
export const memberSyncBatchInput = z.object({
  members: z.array(z.unknown()).min(1).max(1000),
});
export type MemberSyncBatchInput = z.infer<typeof memberSyncBatchInput>;

/** One item's outcome: the status its own `POST /members/sync` would have had, and its member or its error. */
export const memberSyncBatchItem = z.object({
  index: z.int(),
  status: z.int(),
  created: z.boolean().optional(),
  member: organizationMember.optional(),
  error: z.object({ code: errorCode, message: z.string(), issues: z.array(errorIssue) }).optional(),
});
export type MemberSyncBatchItem = z.infer<typeof memberSyncBatchItem>;

export const memberSyncBatchResult = z
  .object({
    results: z.array(memberSyncBatchItem),
    created: z.int(),
    updated: z.int(),
    failed: z.int(),
  })
  .meta({ id: 'MemberSyncBatchResult' });
export type MemberSyncBatchResult = z.infer<typeof memberSyncBatchResult>;
