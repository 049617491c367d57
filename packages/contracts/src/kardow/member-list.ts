import { z } from 'zod';
import { approvalStatus, memberRole } from '../enums.js';
import { organizationMember } from './organization-member.js';

/** Where a page of the newest-first list ends: its last member's creation time and id. */
export interface MemberCursor {
  createdAt: Date;
  id: string;
}

const cursorPattern = /^([0-9a-z]{1,12})_([0-9a-f-]{36})$/;

/** Opaque to callers; `<created_at in ms, base 36>_<id>`, so it needs no encoding in a URL. */
export const encodeMemberCursor = (cursor: MemberCursor) => `${cursor.createdAt.getTime().toString(36)}_${cursor.id}`;

export const memberCursor = z
  .string()
  .max(64)
  .transform((value, context): MemberCursor => {
    const match = cursorPattern.exec(value);
    if (!match?.[1] || !match[2]) {
      context.addIssue({ code: 'custom', message: 'Not a cursor this list gave: pass nextCursor as it came' });
      return z.NEVER;
    }
    return { createdAt: new Date(parseInt(match[1], 36)), id: match[2] };
  });

/**
 * `GET /members` and `members.list`: the organization's members, newest first, a cursor page at a time. An empty `q`
 * is no search (what a cleared search box sends).
 */
export const memberListInput = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: memberCursor.optional(),
  q: z
    .string()
    .trim()
    .max(320)
    .optional()
    .transform((q) => (q === '' ? undefined : q)),
  role: memberRole.optional(),
  approvalStatus: approvalStatus.optional(),
});
export type MemberListInput = z.infer<typeof memberListInput>;

export const memberList = z
  .object({
    data: z.array(organizationMember),
    /** Pass it as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
    /** Members matching the filters, on every page. */
    totalCount: z.int(),
  })
  .meta({ id: 'MemberList' });
export type MemberList = z.infer<typeof memberList>;
