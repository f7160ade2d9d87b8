import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayChangeMeeting } from '../../policies/meetings.ts';
import {
  listMeetingSkills,
  listSkillSessions,
  markSkillSession,
  replaceMeetingSkills,
} from '../../queries/skill-sessions.ts';
import { findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { refuseUnknownSkills } from '../skills.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleMeeting, refuseIfCancelled } from './load-meeting.ts';

/**
 * Skill-building sessions (#18 §5): a meeting tagged as one, with the skills (expertise tags) it builds;
 * members find the upcoming ones from their expertise and interests, or from one skill on a profile.
 */

/** Writes the tag and skills of just-scheduled meetings (inside the scheduling transaction). */
export async function tagNewSessions(
  db: Db,
  meetingIds: string[],
  input: { skillSession: boolean; skills: string[] },
) {
  if (!input.skillSession) return;
  const skills = [...new Set(input.skills)];
  await refuseUnknownSkills(db, skills);
  await markSkillSession(db, meetingIds, true);
  await replaceMeetingSkills(db, meetingIds, skills);
}

/** Those who may edit the meeting tag it (this occurrence) as a session, or untag it. */
export async function tagSkillSession(
  deps: ServiceDeps,
  actor: Actor,
  meetingId: string,
  input: { skillSession: boolean; skills: string[] },
) {
  await unitOfWork(deps, async (tx) => {
    const { meeting, community, membership } = await loadVisibleMeeting(tx, actor, meetingId, { lock: true });
    enforce(mayChangeMeeting(actor, community, membership, meeting));
    refuseIfCancelled(meeting);
    const skills = input.skillSession ? [...new Set(input.skills)] : [];
    await refuseUnknownSkills(tx, skills, await listMeetingSkills(tx, meetingId));
    await markSkillSession(tx, [meetingId], input.skillSession);
    await replaceMeetingSkills(tx, [meetingId], skills);
  });
}

/** Upcoming sessions for one skill, or for the reader's expertise and interests ("Sessions for your skills"). */
export async function findSkillSessions(deps: ServiceDeps, actor: Actor, skill: string | undefined) {
  const db = deps.database.db;
  let skills: string[] = skill ? [skill] : [];
  if (!skill) {
    const me = await findUserById(db, actor.id);
    skills = [...new Set([...(me?.expertise ?? []), ...(me?.interests ?? [])].map((s) => s.toLowerCase()))];
  }
  const rows = await listSkillSessions(db, actor, skills, 20);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    community: { slug: row.communitySlug, name: row.communityName },
    skills: row.skills,
  }));
}
