import type { z } from 'zod';
import type { auditSchema } from '../../common/contracts/admin.ts';
import type { AuditEntryRow } from '../queries/audit.ts';

/** An audit entry as the API answers it: who (null when no one was signed in), what, about what, when. */
export function presentAuditEntry({
  entry,
  actorName,
  subjectName,
}: AuditEntryRow): z.infer<typeof auditSchema> {
  return {
    id: entry.id,
    actor: entry.actorId ? { id: entry.actorId, displayName: actorName ?? '' } : null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    subjectName: subjectName ?? null,
    data: entry.data,
    createdAt: entry.createdAt.toISOString(),
  };
}
