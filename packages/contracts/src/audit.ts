import { z } from 'zod';

/**
 * The audit trail: one entry for every change, on every surface, written in the change's transaction. It says who,
 * when, through what and to which records, and which fields the call set, never their values: it outlives an
 * erasure (`AUDIT_RETENTION_DAYS`, 365) and holds no personal data of the people the records are about.
 */

/** Who made a change: an API key (its id and name), a customer portal session's member, or the admin command. */
export const auditActorKind = z.enum(['api_key', 'portal_member', 'cli']);
export type AuditActorKind = z.infer<typeof auditActorKind>;

/** Where a change came in. `console` is the tRPC of the console's pages, which say so in `x-trpc-source`. */
export const auditSurface = z.enum(['rest', 'trpc', 'console', 'portal', 'cli']);
export type AuditSurface = z.infer<typeof auditSurface>;

/** A record a change touched: its kind (`member`, `customer`, `apiKey`…) and id, never an email or a name. */
export const auditRecord = z.object({ type: z.string(), id: z.string() });
export type AuditRecord = z.infer<typeof auditRecord>;

export const auditEntry = z
  .object({
    /** Its place in the organization's trail, for `after`. */
    id: z.string(),
    /** When the change committed (ISO 8601). */
    at: z.string(),
    actor: z.object({
      kind: auditActorKind,
      /** The API key's id, or the portal member's; null for the admin command. */
      id: z.string().nullable(),
      /** The API key's name; null for the others. */
      name: z.string().nullable(),
    }),
    surface: auditSurface,
    /** The request's id (`X-Request-Id`), to find its log line; null for the admin command. */
    requestId: z.string().nullable(),
    /** The procedure (`members.sync`) or admin command (`admin member erase`). */
    procedure: z.string(),
    records: z.array(auditRecord),
    /** The names of the fields the call set: never their values. */
    fields: z.array(z.string()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntry>;

const entryId = z.string().regex(/^[1-9]\d{0,18}$/, 'Not an audit entry id this service gave');

/** `audit.list` and `GET /audit`: the trail, newest first, a page at a time after `after`, with filters. */
export const auditListInput = z.object({
  /** Entries of one actor: an API key's id, a portal member's id, or `cli`. */
  actor: z.string().min(1).max(255).optional(),
  /** Entries that touched one record, by its id. */
  record: z.string().min(1).max(255).optional(),
  procedure: z.string().min(1).max(100).optional(),
  /** Entries at or after this time, and before `until` (ISO 8601). */
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** The `nextCursor` of the page before: entries older than it. */
  after: entryId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditListInput = z.infer<typeof auditListInput>;

export const auditList = z
  .object({
    data: z.array(auditEntry),
    /** Pass it as `after` for the next (older) page; null when this page is the last. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AuditList' });
export type AuditList = z.infer<typeof auditList>;
