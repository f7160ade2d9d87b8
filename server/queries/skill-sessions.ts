import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, meetingSkills, meetings } from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { visibleTo } from './communities.ts';
import { textArray } from './mentoring.ts';

/**
 * Skill-building sessions (#18 §5): meetings tagged as such, with the skills they build. Found by skill
 * through meeting_skills_skill_idx, then each meeting by its key: one statement.
 */

export async function listMeetingSkills(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ skill: meetingSkills.skill })
    .from(meetingSkills)
    .where(eq(meetingSkills.meetingId, meetingId))
    .orderBy(meetingSkills.skill);
  return rows.map((row) => row.skill);
}

/** Replaces the skills of the meetings (one statement each way). */
export async function replaceMeetingSkills(db: Db, meetingIds: string[], skills: string[]) {
  if (meetingIds.length === 0) return;
  await db.delete(meetingSkills).where(inArray(meetingSkills.meetingId, meetingIds));
  const rows = meetingIds.flatMap((meetingId) => skills.map((skill) => ({ meetingId, skill })));
  if (rows.length > 0) await db.insert(meetingSkills).values(rows).onConflictDoNothing();
}

export async function markSkillSession(db: Db, meetingIds: string[], skillSession: boolean) {
  if (meetingIds.length === 0) return;
  await db.update(meetings).set({ skillSession }).where(inArray(meetings.id, meetingIds));
}

/**
 * Upcoming skill-building sessions that build any of `skills`, in communities the actor may see,
 * soonest first: the skills index finds the meetings, each read by its key.
 */
export async function listSkillSessions(db: Db, actor: Actor, skills: readonly string[], limit: number) {
  if (skills.length === 0) return [];
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      communitySlug: communities.slug,
      communityName: communities.name,
      skills: sql<string[]>`array(select s.skill from ${meetingSkills} s where s.meeting_id = ${meetings.id}
        and s.skill = any(${textArray(skills)}) order by s.skill)`,
    })
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .where(
      and(
        sql`${meetings.id} in (select ms.meeting_id from ${meetingSkills} ms where ms.skill = any(${textArray(skills)}))`,
        eq(meetings.skillSession, true),
        eq(meetings.status, 'scheduled'),
        sql`${meetings.endsAt} > now()`,
        visibleTo(actor),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(limit);
}
