import { sql } from 'drizzle-orm';
import type { MentoringPairStatus } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { mentoringOffers, mentoringPairs, users } from '../db/schema/index.ts';
import { type PersonRef, personJson } from './mentoring.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * The coordinators' view of mentoring across the institution (#18 §2): how many pairings in each
 * status, the open ones by skill, the open pairings themselves, the wishes no one has taken up, and
 * the mentors at their cap. Names, units, skills and status only: never a request's message, a pair's
 * notes, meeting or reflection. Each is one statement through an index (pairings by status, offers by
 * side, the partial index of full mentor offers).
 */

/** Pairings per status, every status present (0 when none). */
export async function countPairsByStatus(db: Db): Promise<Record<MentoringPairStatus, number>> {
  const result = await db.execute(sql`select s.status, (select count(*) from ${mentoringPairs} p
      where p.status = s.status)::int as count
    from unnest(array['requested', 'active', 'declined', 'closed']::text[]) as s(status)`);
  const counts = { requested: 0, active: 0, declined: 0, closed: 0 };
  for (const row of rowsOf<{ status: MentoringPairStatus; count: number }>(result))
    counts[row.status] = row.count;
  return counts;
}

/** The open pairings (requested or active) by skill: how many of each, most first. */
export async function countOpenPairsBySkill(db: Db, limit = 100) {
  const result = await db.execute(sql`select skill,
      (count(*) filter (where p.status = 'active'))::int as active,
      (count(*) filter (where p.status = 'requested'))::int as requested
    from ${mentoringPairs} p, unnest(p.skills) as skill
    where p.status in ('requested', 'active')
    group by skill order by count(*) desc, skill limit ${limit}`);
  return rowsOf<{ skill: string; active: number; requested: number }>(result);
}

export interface OverviewPairRow {
  id: string;
  status: MentoringPairStatus;
  skills: string[];
  mentor: PersonRef;
  mentee: PersonRef;
  since: Date | string;
}

/** The open pairings, active first then requests, newest first within each. */
export async function listOpenPairings(db: Db, limit = 200): Promise<OverviewPairRow[]> {
  const result = await db.execute(sql`select mp.id, mp.status, mp.skills,
      ${personJson(sql`mp.mentor_id`)} as mentor, ${personJson(sql`mp.mentee_id`)} as mentee,
      coalesce(mp.answered_at, mp.requested_at) as since
    from ${mentoringPairs} mp
    where mp.status in ('requested', 'active')
    order by mp.status = 'active' desc, mp.requested_at desc, mp.id limit ${limit}`);
  return rowsOf<OverviewPairRow>(result);
}

export interface OfferPersonRow {
  person: PersonRef;
  skills: string[];
  since: Date | string;
  cap: number | null;
  activeCount: number;
}

const offerColumns = sql`${personJson(sql`o.user_id`)} as person, o.skills, o.updated_at as since,
  o.cap, o.active_count as "activeCount"`;

/**
 * Open requests without a match: active wishes for a mentor whose author has no pairing requested or
 * under way (oldest first: they have waited longest).
 */
export async function listUnmatchedWishes(db: Db, limit = 200): Promise<OfferPersonRow[]> {
  const result = await db.execute(sql`select ${offerColumns}
    from ${mentoringOffers} o join ${users} u on u.id = o.user_id
    where o.side = 'mentee' and o.active and u.suspended_at is null
      and not exists (select 1 from ${mentoringPairs} p where p.mentee_id = o.user_id
        and p.status in ('requested', 'active'))
    order by o.updated_at, o.user_id limit ${limit}`);
  return rowsOf<OfferPersonRow>(result);
}

/** Mentors whose mentees fill their cap (through the partial index of full offers). */
export async function listMentorsAtCap(db: Db, limit = 200): Promise<OfferPersonRow[]> {
  const result = await db.execute(sql`select ${offerColumns}
    from ${mentoringOffers} o
    where o.side = 'mentor' and o.active_count >= o.cap
    order by o.updated_at desc, o.user_id limit ${limit}`);
  return rowsOf<OfferPersonRow>(result);
}
