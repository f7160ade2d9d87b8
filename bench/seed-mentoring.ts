import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { meetingSkills, meetings, mentoringOffers, users } from '../server/db/schema/index.ts';

/** Forty skills, as expertise tags. */
const skills = Array.from({ length: 40 }, (_, i) => `skill-${i}`);
const skillArray = sql.raw(`array[${skills.map((s) => `'${s}'`).join(', ')}]::text[]`);

/**
 * Mentoring and skill-building sessions for the bench (#18 §2, §5), in set-based statements: everyone
 * gets two expertise tags of forty (by a hash of their id); one person in twenty offers to mentor on
 * theirs, with a cap of 1–10 and some places taken; the bench member wishes for a mentor on three skills
 * (also their interests); one meeting in ten is a session building two skills.
 */
export async function seedMentoring(db: Db, memberId: string): Promise<void> {
  const hash = sql.raw(`abs(hashtext(id::text))`);
  await db.execute(sql`update ${users} set expertise = array[
    (${skillArray})[1 + ${hash} % 40], (${skillArray})[1 + (${hash} / 40) % 40]]`);
  await db.execute(sql`insert into ${mentoringOffers} (user_id, side, skills, availability, cap, active_count)
    select id, 'mentor', expertise, 'Tuesday afternoons', 1 + ${hash} % 10, (${hash} / 10) % (1 + ${hash} % 10)
    from ${users} where ${hash} % 20 = 0 and id <> ${memberId}`);
  const wish = skills.slice(0, 3);
  await db.execute(sql`insert into ${mentoringOffers} (user_id, side, skills)
    values (${memberId}, 'mentee', array[${sql.join(
      wish.map((s) => sql`${s}`),
      sql`, `,
    )}]::text[])`);
  await db.execute(
    sql`update ${users} set interests = array[${sql.join(
      wish.map((s) => sql`${s}`),
      sql`, `,
    )}]::text[] where id = ${memberId}`,
  );
  await db.execute(sql`update ${meetings} set skill_session = true where ${hash} % 10 = 0`);
  await db.execute(sql`insert into ${meetingSkills} (meeting_id, skill)
    select id, (${skillArray})[1 + ${hash} % 40] from ${meetings} where skill_session
    union select id, (${skillArray})[1 + (${hash} / 40) % 40] from ${meetings} where skill_session`);
  await db.execute(sql`vacuum analyze mentoring_offers, meeting_skills`);
}
