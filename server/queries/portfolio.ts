import { sql } from 'drizzle-orm';
import type { CommunityStage, PersonKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { activeKindList } from './dashboard-rollup.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * The coordinators' portfolio (#17 §4): one row per community in one statement. Participation comes
 * from the roll-up's latest day (`active_30` over `members`, and the same 30 days before for the trend);
 * the last active day from `community_member_days` (its key's first columns) or today's log; the last
 * meeting held and the leaders through their indexes; open support requests are the coordinators'
 * inbox requests still open whose sender leads the community.
 */
export interface PortfolioRow {
  id: string;
  slug: string;
  name: string;
  stage: CommunityStage;
  unitName: string | null;
  members: number;
  membersBefore: number | null;
  active30: number | null;
  active30Before: number | null;
  membersAtFigures: number | null;
  lastActiveDay: string | null;
  lastMeetingAt: Date | null;
  leaders: number;
  openRequests: number;
  createdAt: Date;
}

export async function listPortfolioRows(db: Db, today: string): Promise<PortfolioRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select c.id, c.slug, c.name, c.stage, n.name as unit_name, c.member_count as members,
        c.created_at, f.active_30, f.members as members_at_figures, b.active_30 as active_30_before,
        b.members as members_before,
        case when exists (select 1 from activity_events e where e.community_id = c.id
            and e.occurred_at >= (${today}::date)::timestamp at time zone 'UTC' and e.actor_id is not null
            and e.kind in (${activeKindList}))
          then ${today}::date::text
          else (select max(d.day)::text from community_member_days d where d.community_id = c.id) end as last_active_day,
        (select max(m.starts_at) from meetings m where m.community_id = c.id and m.starts_at <= now()
          and m.status <> 'cancelled') as last_meeting_at,
        (select count(*)::int from community_members l join users lu on lu.id = l.user_id
          where l.community_id = c.id and l.role in ('leader', 'co_leader')
            and lu.suspended_at is null) as leaders,
        (select count(*)::int from contact_requests r where r.status = 'open' and r.sender_id in
          (select l.user_id from community_members l where l.community_id = c.id
            and l.role in ('leader', 'co_leader'))) as open_requests
      from communities c
      left join units n on n.id = c.unit_id
      left join lateral (select day, active_30, members from community_day_figures x
        where x.community_id = c.id order by day desc limit 1) f on true
      left join community_day_figures b on b.community_id = c.id and b.day = f.day - 30
      order by c.name, c.id`),
  );
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return rows.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    name: String(r.name),
    stage: r.stage as CommunityStage,
    unitName: r.unit_name === null ? null : String(r.unit_name),
    members: Number(r.members),
    membersBefore: num(r.members_before),
    active30: num(r.active_30),
    active30Before: num(r.active_30_before),
    membersAtFigures: num(r.members_at_figures),
    lastActiveDay: r.last_active_day === null ? null : String(r.last_active_day),
    lastMeetingAt: r.last_meeting_at ? new Date(String(r.last_meeting_at)) : null,
    leaders: Number(r.leaders),
    openRequests: Number(r.open_requests),
    createdAt: new Date(String(r.created_at)),
  }));
}

export interface ReachRow {
  unitName: string | null;
  kind: PersonKind;
  people: number;
  inCommunity: number;
}

/**
 * Institution-wide reach: per unit, how many staff and students (not suspended) there are and how
 * many of them belong to at least one community (a semi-join on the memberships' person index).
 */
export async function listInstitutionReach(db: Db): Promise<ReachRow[]> {
  const rows = rowsOf<{ unit_name: string | null; kind: PersonKind; people: number; in_community: number }>(
    await db.execute(sql`select n.name as unit_name, u.kind, count(*)::int as people,
        count(*) filter (where exists (select 1 from community_members m where m.user_id = u.id and not m.project_only))::int as in_community
      from users u left join units n on n.id = u.unit_id
      where u.kind in ('staff', 'student') and u.suspended_at is null
      group by n.name, u.kind order by n.name nulls last, u.kind`),
  );
  return rows.map((r) => ({
    unitName: r.unit_name,
    kind: r.kind,
    people: Number(r.people),
    inCommunity: Number(r.in_community),
  }));
}

/** The portfolio's rules (institution settings), for the flags and the admin area. */
export async function findDashboardRules(
  db: Db,
): Promise<{ dormantDays: number; growingPercent: number; activityLogBeganAt: Date | null }> {
  const [row] = rowsOf<{ dormant_days: number; growing_percent: number; began: string | null }>(
    await db.execute(sql`select dormant_days, growing_percent, activity_log_began_at as began
      from institution_settings where id = 1`),
  );
  return {
    dormantDays: Number(row?.dormant_days ?? 60),
    growingPercent: Number(row?.growing_percent ?? 10),
    activityLogBeganAt: row?.began ? new Date(row.began) : null,
  };
}

/** Changes the portfolio's rules (an administrator's). */
export async function updateDashboardRules(db: Db, rules: { dormantDays: number; growingPercent: number }) {
  await db.execute(sql`update institution_settings set dormant_days = ${rules.dormantDays},
    growing_percent = ${rules.growingPercent}, updated_at = now() where id = 1`);
}
