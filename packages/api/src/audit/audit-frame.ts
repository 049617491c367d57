import type { AuditActorKind, AuditSurface } from '@members/contracts';

/**
 * What a change's audit entry says beyond its records, settled before the change runs: who, through what, which
 * procedure, which fields. A call writes one entry: the first write of the call that carries it marks it written.
 */
export interface AuditFrame {
  actor: { kind: AuditActorKind; id: string | null; name: string | null };
  surface: AuditSurface;
  requestId: string | null;
  procedure: string;
  fields: string[];
  /** Sent by the change's own statements (a procedure that `writesItsAudit`), else written by `invoke` after it. */
  withChange: boolean;
  written: boolean;
}
