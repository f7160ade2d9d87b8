import { sql } from 'drizzle-orm';
import type { ActivityKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from './raw-rows.ts';

export interface MyActivityRow {
  id: string;
  kind: ActivityKind;
  subjectType: string;
  communitySlug: string | null;
  communityName: string | null;
  occurredAt: Date;
}

/**
 * A person's own entries in the event log, newest first, from after the keyset `cursor` (its time and
 * id), with the community's slug and name: "what Copse records about me" (#17 Rules). Anonymous answers
 * carry no person, so they are never among them.
 */
export async function listMyActivity(
  db: Db,
  userId: string,
  options: { limit: number; after?: { occurredAt: string; id: string } | undefined },
): Promise<MyActivityRow[]> {
  const after = options.after;
  const rows = rowsOf<{
    id: string;
    kind: ActivityKind;
    subject_type: string;
    slug: string | null;
    name: string | null;
    occurred_at: string;
  }>(
    await db.execute(sql`select e.id, e.kind, e.subject_type, c.slug, c.name, e.occurred_at
      from activity_events e left join communities c on c.id = e.community_id
      where e.actor_id = ${userId}
        ${after ? sql`and (e.occurred_at, e.id) < (${after.occurredAt}::timestamptz, ${after.id}::uuid)` : sql``}
      order by e.occurred_at desc, e.id desc limit ${options.limit}`),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subjectType: r.subject_type,
    communitySlug: r.slug,
    communityName: r.name,
    occurredAt: new Date(r.occurred_at),
  }));
}
