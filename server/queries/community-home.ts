import { eq, sql } from 'drizzle-orm';
import type { MembershipRole } from '../../common/enums.ts';
import type { DecisionProcess } from '../../common/succession-enums.ts';
import type { Db } from '../db/client.ts';
import {
  charterVersions,
  communities,
  communityMembers,
  joinRequests,
  meetings,
  units,
  users,
} from '../db/schema/index.ts';
import {
  actorMembershipOn,
  communityColumns,
  epochMs,
  type NextMeetingJson,
  suspendedIn,
} from './communities.ts';
import { preparedFor } from './prepared.ts';

export interface HomeLeader {
  id: string;
  displayName: string;
  photoPath: string | null;
  updatedAt: string;
  role: MembershipRole;
}

export interface HomeCharter {
  version: number;
  sections: Record<string, string>;
  note: string;
  createdAt: string;
  editorName: string | null;
  decisionProcess: DecisionProcess;
  objectionDays: number;
  votingDays: number;
}

/**
 * Everything a community's home page shows, in one prepared query: the community, the actor's
 * membership, its leaders, the charter in force and the actor's latest join request.
 */
const communityHome = preparedFor((db) =>
  db
    .select({
      community: communityColumns,
      unitName: units.name,
      membershipRole: communityMembers.role,
      suspended: suspendedIn(sql`${communities.id}`, sql.placeholder('actorId')),
      acceptedGuidelinesAt: communityMembers.acceptedGuidelinesAt,
      leaders: sql<HomeLeader[]>`coalesce((
        select json_agg(json_build_object(
          'id', lu.id, 'displayName', lu.display_name, 'photoPath', lu.photo_path,
          'updatedAt', lu.updated_at, 'role', lm.role) order by lm.role, lm.joined_at)
        from ${communityMembers} lm join ${users} lu on lu.id = lm.user_id
        where lm.community_id = ${communities.id} and lm.role in ('leader', 'co_leader')
      ), '[]'::json)`,
      // The portfolio's leaderless rule (server/queries/portfolio.ts): no leader or co-leader whose
      // account is active.
      leaderless: sql<boolean>`not exists (select 1 from ${communityMembers} al
        join ${users} au on au.id = al.user_id
        where al.community_id = ${communities.id} and al.role in ('leader', 'co_leader')
          and au.suspended_at is null)`,
      charter: sql<HomeCharter | null>`(
        select json_build_object('version', cv.version, 'sections', cv.sections, 'note', cv.note,
          'createdAt', cv.created_at, 'editorName', eu.display_name,
          'decisionProcess', cv.decision_process, 'objectionDays', cv.objection_days,
          'votingDays', cv.voting_days)
        from ${charterVersions} cv left join ${users} eu on eu.id = cv.edited_by
        where cv.community_id = ${communities.id}
        order by cv.version desc limit 1
      )`,
      upcomingMeetings: sql<NextMeetingJson[]>`coalesce((
        select json_agg(json_build_object('id', um.id, 'title', um.title, 'kind', um.kind,
          'startsAt', ${epochMs(sql`um.starts_at`)}, 'endsAt', ${epochMs(sql`um.ends_at`)},
          'timeZone', um.time_zone, 'status', um.status) order by um.starts_at)
        from (select * from ${meetings} m
          where m.community_id = ${communities.id} and m.starts_at > now() - interval '7 days'
            and m.ends_at > now()
          order by m.starts_at, m.id limit 3) um
      ), '[]'::json)`,
      ownRequestStatus: sql<string | null>`(
        select jr.status from ${joinRequests} jr
        where jr.community_id = ${communities.id} and jr.user_id = ${sql.placeholder('actorId')}::uuid
        order by jr.created_at desc limit 1
      )`,
    })
    .from(communities)
    .leftJoin(units, eq(units.id, communities.unitId))
    .leftJoin(communityMembers, actorMembershipOn(communities.id, sql.placeholder('actorId')))
    .where(eq(communities.slug, sql.placeholder('slug')))
    .limit(1)
    .prepare('community_home'),
);

/** A community's home page data by slug, for an actor (null when signed out); undefined if none. */
export async function findCommunityHome(db: Db, slug: string, actorId: string | null) {
  const [row] = await communityHome(db).execute({ slug, actorId });
  if (!row) return undefined;
  return {
    ...row,
    membership: row.membershipRole ? { role: row.membershipRole, suspended: row.suspended } : null,
  };
}
