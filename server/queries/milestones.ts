import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { MilestoneKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { communities, communityMembers, communityMilestones, resources, users } from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/** The member counts that are milestones, and their kinds. */
const memberMilestones: [number, MilestoneKind][] = [
  [10, 'members_10'],
  [50, 'members_50'],
  [100, 'members_100'],
];

export interface ReachedMilestone {
  kind: MilestoneKind;
  subjectId?: string | undefined;
}

/** Reached once per community, except a resource's use (per resource) and a hand-over (per succession). */
const keyOf = (milestone: ReachedMilestone) =>
  milestone.kind === 'resource_used_10' || milestone.kind === 'handover'
    ? `${milestone.kind}:${milestone.subjectId}`
    : milestone.kind;

/**
 * Records milestones a community has just reached, in the transaction of the action that reached them;
 * one already recorded stays as it was (each is reached once).
 */
export async function recordMilestones(
  db: Db,
  communityId: string,
  reached: readonly ReachedMilestone[],
): Promise<void> {
  if (reached.length === 0) return;
  await db
    .insert(communityMilestones)
    .values(
      reached.map((milestone) => ({
        communityId,
        kind: milestone.kind,
        subjectId: milestone.subjectId ?? null,
        key: keyOf(milestone),
      })),
    )
    .onConflictDoNothing();
}

/** The membership milestones a member count passed on its way up by `added` to `count`. */
export function memberMilestonesCrossed(count: number, added: number): ReachedMilestone[] {
  return memberMilestones
    .filter(([size]) => count - added < size && size <= count)
    .map(([, kind]) => ({ kind }));
}

/** A community's milestones, newest first, with who added the leaders' word. */
export async function listMilestones(db: Db, communityId: string) {
  return db
    .select({
      id: communityMilestones.id,
      kind: communityMilestones.kind,
      subjectId: communityMilestones.subjectId,
      reachedAt: communityMilestones.reachedAt,
      celebrated: communityMilestones.celebrated,
      note: communityMilestones.note,
      noteByName: users.displayName,
      resourceId: resources.id,
      resourceTitle: resources.title,
    })
    .from(communityMilestones)
    .leftJoin(users, eq(users.id, communityMilestones.noteBy))
    .leftJoin(
      resources,
      and(eq(communityMilestones.kind, 'resource_used_10'), eq(resources.id, communityMilestones.subjectId)),
    )
    .where(eq(communityMilestones.communityId, communityId))
    .orderBy(desc(communityMilestones.reachedAt), desc(communityMilestones.id));
}

export async function findMilestone(db: Db, id: string) {
  const [row] = await db.select().from(communityMilestones).where(eq(communityMilestones.id, id));
  return row;
}

/** Sets (or clears, with null) the leaders' word on a milestone. */
export async function setMilestoneNote(db: Db, id: string, note: string | null, by: string): Promise<void> {
  await db
    .update(communityMilestones)
    .set({ note, noteBy: note === null ? null : by, noteAt: note === null ? null : sql`now()` })
    .where(eq(communityMilestones.id, id));
}

/**
 * The milestones celebrated since `since` in the communities `userId` is a member of, newest first (the
 * home page's celebrations): one statement on the partial index of celebrated milestones by time.
 */
export async function listRecentMilestonesFor(db: Db, userId: string, since: Date, limit: number) {
  return db
    .select({
      id: communityMilestones.id,
      kind: communityMilestones.kind,
      reachedAt: communityMilestones.reachedAt,
      note: communityMilestones.note,
      community: { slug: communities.slug, name: communities.name },
    })
    .from(communityMilestones)
    .innerJoin(communities, eq(communities.id, communityMilestones.communityId))
    .innerJoin(
      communityMembers,
      and(
        eq(communityMembers.communityId, communityMilestones.communityId),
        eq(communityMembers.userId, userId),
      ),
    )
    .where(and(eq(communityMilestones.celebrated, true), gte(communityMilestones.reachedAt, since)))
    .orderBy(desc(communityMilestones.reachedAt))
    .limit(limit);
}

/**
 * Communities whose first year ended on or before `now` and that have no first-year milestone yet: the
 * daily job records them. One statement.
 */
export async function recordFirstYears(db: Db, now: Date): Promise<number> {
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const result = await db.execute(sql`
    insert into ${communityMilestones} (community_id, kind, key)
    select ${communities.id}, 'first_year', 'first_year' from ${communities}
    where ${communities.createdAt} <= ${yearAgo.toISOString()} and ${communities.stage} <> 'archived'
    on conflict do nothing
    returning id`);
  return rowsOf(result).length;
}
