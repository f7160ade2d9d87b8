import type { MyActivity } from '../../../common/contracts/dashboard.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { decodeCursor, encodeCursor } from '../../queries/cursor.ts';
import { listMyActivity } from '../../queries/my-activity.ts';
import type { ServiceDeps } from '../context.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "What Copse records about me" (#17 Rules): the signed-in person's own entries in the event log,
 * newest first, a page at a time. Nobody else's, and never an anonymous answer (those name no one).
 */
export async function getMyActivity(
  deps: ServiceDeps,
  actor: Actor,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ data: MyActivity[]; nextCursor: string | null }> {
  const decoded = decodeCursor(query.cursor, 2);
  const [occurredAt, id] = decoded ?? [];
  if (decoded && (Number.isNaN(Date.parse(String(occurredAt))) || !uuidPattern.test(String(id)))) {
    throw fieldError('cursor', 'errors.request.cursor');
  }
  const after = decoded ? { occurredAt: String(occurredAt), id: String(id) } : undefined;
  const rows = await listMyActivity(deps.database.db, actor.id, { limit: query.limit + 1, after });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      subjectType: row.subjectType,
      community:
        row.communitySlug && row.communityName ? { slug: row.communitySlug, name: row.communityName } : null,
      occurredAt: row.occurredAt.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
  };
}
