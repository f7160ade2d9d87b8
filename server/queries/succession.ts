import { and, asc, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { type HandoverKey, handoverKeys, type NominationStatus } from '../../common/succession-enums.ts';
import type { Db } from '../db/client.ts';
import {
  communityMembers,
  handoverItems,
  leadershipTerms,
  successionBallots,
  successionNominations,
  successionObjections,
  successions,
  successionVoters,
  users,
} from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/** Leadership terms and succession (#18 §1): every statement on their tables. */

export type SuccessionRow = typeof successions.$inferSelect;
const openStatuses = ['nominating', 'deciding', 'decided'] as const;

/**
 * The community's succession under way (nominating, deciding or handing over), with the viewer's
 * nomination, whether they voted, and how many nominees accepted; undefined when there is none.
 */
export async function findOpenSuccession(db: Db, communityId: string, viewerId: string) {
  const [row] = await db
    .select({
      succession: successions,
      viewerNomination: sql<NominationStatus | null>`(select n.status from ${successionNominations} n
        where n.succession_id = ${successions}.id and n.nominee_id = ${viewerId})`,
      viewerVoted: sql<boolean>`exists (select 1 from ${successionVoters} v
        where v.succession_id = ${successions}.id and v.user_id = ${viewerId})`,
      acceptedNominees: sql<number>`(select count(*)::int from ${successionNominations} n
        where n.succession_id = ${successions}.id and n.status = 'accepted')`,
    })
    .from(successions)
    .where(and(eq(successions.communityId, communityId), inArray(successions.status, [...openStatuses])));
  return row;
}

const person = (id: ReturnType<typeof sql>, name: ReturnType<typeof sql>) =>
  sql<{ id: string; displayName: string } | null>`case when ${id} is null then null
    else json_build_object('id', ${id}, 'displayName', ${name}) end`;

/**
 * What the Leadership tab shows of a succession, in one round trip of parallel statements: the
 * nominations, objections, how many voted, the tally (only when `withTally`: after closing) and the
 * hand-over checklist.
 */
export async function loadSuccessionDetails(db: Db, successionId: string, withTally: boolean) {
  const nominee = sql`nu`;
  const [nominations, objections, votes, tally, items] = await Promise.all([
    db.execute(sql`select json_build_object('id', nu.id, 'displayName', nu.display_name) as nominee,
        ${person(sql`bu.id`, sql`bu.display_name`)} as "nominatedBy", n.status
      from ${successionNominations} n join ${users} ${nominee} on nu.id = n.nominee_id
      left join ${users} bu on bu.id = n.nominated_by
      where n.succession_id = ${successionId} order by n.created_at, nu.id`),
    db
      .select({
        byId: users.id,
        byName: users.displayName,
        reason: successionObjections.reason,
        createdAt: successionObjections.createdAt,
      })
      .from(successionObjections)
      .leftJoin(users, eq(users.id, successionObjections.userId))
      .where(eq(successionObjections.successionId, successionId))
      .orderBy(asc(successionObjections.createdAt)),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(successionVoters)
      .where(eq(successionVoters.successionId, successionId)),
    withTally
      ? db
          .select({ id: users.id, displayName: users.displayName, votes: sql<number>`count(*)::int` })
          .from(successionBallots)
          .innerJoin(users, eq(users.id, successionBallots.nomineeId))
          .where(eq(successionBallots.successionId, successionId))
          .groupBy(users.id, users.displayName)
          .orderBy(desc(sql`count(*)`), asc(users.displayName))
      : Promise.resolve(null),
    db.select().from(handoverItems).where(eq(handoverItems.successionId, successionId)),
  ]);
  return {
    nominations: rowsOf<{
      nominee: { id: string; displayName: string };
      nominatedBy: { id: string; displayName: string } | null;
      status: NominationStatus;
    }>(nominations),
    objections,
    votesCast: votes[0]?.count ?? 0,
    tally,
    items,
  };
}

/** People by id, for the succession's named people (outgoing, candidate, successor). */
export async function listPeopleNamed(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
}

/** The community's finished successions, newest first. */
export async function listPastSuccessions(db: Db, communityId: string, limit: number) {
  return db
    .select({
      id: successions.id,
      status: successions.status,
      process: successions.process,
      outgoingId: successions.outgoingId,
      successorId: successions.successorId,
      decidedAt: successions.decidedAt,
      handedOverAt: successions.handedOverAt,
    })
    .from(successions)
    .where(
      and(
        eq(successions.communityId, communityId),
        inArray(successions.status, ['handed_over', 'cancelled']),
      ),
    )
    .orderBy(desc(successions.startedAt))
    .limit(limit);
}

/** The community's leaders and co-leaders with their terms (none: no term set). */
export async function listLeaderTerms(db: Db, communityId: string) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: communityMembers.role,
      startsOn: leadershipTerms.startsOn,
      endsOn: leadershipTerms.endsOn,
      renewable: leadershipTerms.renewable,
    })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .leftJoin(
      leadershipTerms,
      and(eq(leadershipTerms.communityId, communityId), eq(leadershipTerms.userId, communityMembers.userId)),
    )
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        inArray(communityMembers.role, ['leader', 'co_leader']),
      ),
    )
    .orderBy(asc(communityMembers.role), asc(users.displayName));
}

/** Members who may be nominated (everyone but guests), by name; at most `limit`. */
export async function listNominatableMembers(db: Db, communityId: string, limit: number) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        ne(communityMembers.role, 'guest'),
        isNull(users.suspendedAt),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(limit);
}

/** Starts a succession; returns its id. */
export async function insertSuccession(db: Db, row: typeof successions.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(successions).values(row).returning({ id: successions.id });
  if (!inserted) throw new Error('insertSuccession returned nothing');
  return inserted.id;
}

/** Changes a succession's state (status, candidate, period, outcome). */
export async function updateSuccession(
  db: Db,
  id: string,
  patch: Partial<Omit<typeof successions.$inferInsert, 'id' | 'communityId'>>,
): Promise<void> {
  await db.update(successions).set(patch).where(eq(successions.id, id));
}

/** Nominates someone; false when they already are. */
export async function insertNomination(
  db: Db,
  row: typeof successionNominations.$inferInsert,
): Promise<boolean> {
  const inserted = await db
    .insert(successionNominations)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: successionNominations.nomineeId });
  return inserted.length > 0;
}

/** A nominee's answer. */
export async function updateNominationStatus(
  db: Db,
  successionId: string,
  nomineeId: string,
  status: NominationStatus,
): Promise<void> {
  await db
    .update(successionNominations)
    .set({ status })
    .where(
      and(
        eq(successionNominations.successionId, successionId),
        eq(successionNominations.nomineeId, nomineeId),
      ),
    );
}

/** The nomination's status (undefined: not nominated). */
export async function findNominationStatus(db: Db, successionId: string, nomineeId: string) {
  const [row] = await db
    .select({ status: successionNominations.status })
    .from(successionNominations)
    .where(
      and(
        eq(successionNominations.successionId, successionId),
        eq(successionNominations.nomineeId, nomineeId),
      ),
    );
  return row?.status;
}

export async function insertObjection(db: Db, row: typeof successionObjections.$inferInsert) {
  await db.insert(successionObjections).values(row);
}

/**
 * Casts a secret vote: records that the voter voted and, apart, the ballot; false (nothing written) when
 * they had voted already (the voters' primary key decides, also for two votes at the same moment).
 */
export async function castVote(
  db: Db,
  successionId: string,
  voterId: string,
  nomineeId: string,
): Promise<boolean> {
  const voted = await db
    .insert(successionVoters)
    .values({ successionId, userId: voterId })
    .onConflictDoNothing()
    .returning({ userId: successionVoters.userId });
  if (voted.length === 0) return false;
  await db.insert(successionBallots).values({ successionId, nomineeId });
  return true;
}

/** The votes each accepted nominee received, earliest nominated first (nominees without votes: 0). */
export async function countVotes(db: Db, successionId: string) {
  return rowsOf<{ nomineeId: string; votes: number }>(
    await db.execute(sql`select n.nominee_id as "nomineeId", count(b.id)::int as votes
      from ${successionNominations} n
      left join ${successionBallots} b on b.succession_id = n.succession_id and b.nominee_id = n.nominee_id
      where n.succession_id = ${successionId} and n.status = 'accepted'
      group by n.nominee_id, n.created_at
      order by n.created_at, n.nominee_id`),
  );
}

/** Opens the hand-over checklist: one row per item, none ticked. */
export async function insertHandoverItems(db: Db, successionId: string): Promise<void> {
  await db
    .insert(handoverItems)
    .values(handoverKeys.map((key) => ({ successionId, key })))
    .onConflictDoNothing();
}

/** Ticks an item for one side; answers how many ticks the checklist still lacks. */
export async function tickHandoverItem(
  db: Db,
  successionId: string,
  key: HandoverKey,
  side: 'outgoing' | 'incoming',
): Promise<number> {
  await db
    .update(handoverItems)
    .set(side === 'outgoing' ? { tickedByOutgoingAt: sql`now()` } : { tickedByIncomingAt: sql`now()` })
    .where(and(eq(handoverItems.successionId, successionId), eq(handoverItems.key, key)));
  const [row] = await db
    .select({
      missing: sql<number>`(count(*) filter (where ${handoverItems.tickedByOutgoingAt} is null)
        + count(*) filter (where ${handoverItems.tickedByIncomingAt} is null))::int`,
    })
    .from(handoverItems)
    .where(eq(handoverItems.successionId, successionId));
  return row?.missing ?? 0;
}

/** Sets (or renews) a leader's term. */
export async function upsertTerm(db: Db, row: typeof leadershipTerms.$inferInsert): Promise<void> {
  await db
    .insert(leadershipTerms)
    .values(row)
    .onConflictDoUpdate({
      target: [leadershipTerms.communityId, leadershipTerms.userId],
      set: {
        startsOn: row.startsOn,
        endsOn: row.endsOn ?? null,
        renewable: row.renewable ?? true,
        setBy: row.setBy ?? null,
        warnedDays: null,
        endedNotifiedAt: null,
      },
    });
}

/** A leader's term (undefined: none set). */
export async function findTerm(db: Db, communityId: string, userId: string) {
  const [row] = await db
    .select()
    .from(leadershipTerms)
    .where(and(eq(leadershipTerms.communityId, communityId), eq(leadershipTerms.userId, userId)));
  return row;
}

/** Ends a term (the leader stepped down or handed over): it is no longer theirs to hold. */
export async function deleteTerm(db: Db, communityId: string, userId: string): Promise<void> {
  await db
    .delete(leadershipTerms)
    .where(and(eq(leadershipTerms.communityId, communityId), eq(leadershipTerms.userId, userId)));
}

/** Objection periods and votes whose time is up (the daily job closes them). */
export async function listDueSuccessions(db: Db, now: Date) {
  return db
    .select({ id: successions.id, communityId: successions.communityId })
    .from(successions)
    .where(and(eq(successions.status, 'deciding'), lte(successions.closesAt, now)))
    .limit(500);
}

/**
 * Terms of people who still lead, ending within `withinDays` of `today` and not yet warned at that
 * distance (`warnedDays` above it or none), with the community's name and slug.
 */
export async function listTermsToWarn(db: Db, today: string, withinDays: number) {
  const rows = await db.execute(sql`select t.community_id as "communityId", t.user_id as "userId",
      t.ends_on::text as "endsOn", c.name, c.slug
    from ${leadershipTerms} t
    join community_members m on m.community_id = t.community_id and m.user_id = t.user_id
      and m.role in ('leader', 'co_leader')
    join communities c on c.id = t.community_id
    where t.ends_on is not null and t.ends_on >= ${today}::date
      and t.ends_on <= ${today}::date + ${withinDays}::int
      and (t.warned_days is null or t.warned_days > ${withinDays})`);
  return rowsOf<{ communityId: string; userId: string; endsOn: string; name: string; slug: string }>(rows);
}

/** Notes the warning sent at `days` before the end. */
export async function markTermWarned(db: Db, communityId: string, userId: string, days: number) {
  await db
    .update(leadershipTerms)
    .set({ warnedDays: days })
    .where(and(eq(leadershipTerms.communityId, communityId), eq(leadershipTerms.userId, userId)));
}

/** Terms of people who still lead that ended before `today` and whose end nobody was told of yet. */
export async function listEndedTerms(db: Db, today: string) {
  const rows = await db.execute(sql`select t.community_id as "communityId", t.user_id as "userId",
      u.display_name as "displayName", c.name, c.slug
    from ${leadershipTerms} t
    join community_members m on m.community_id = t.community_id and m.user_id = t.user_id
      and m.role in ('leader', 'co_leader')
    join communities c on c.id = t.community_id
    join users u on u.id = t.user_id
    where t.ends_on < ${today}::date and t.ended_notified_at is null`);
  return rowsOf<{ communityId: string; userId: string; displayName: string; name: string; slug: string }>(
    rows,
  );
}

export async function markTermEndedNotified(db: Db, communityId: string, userId: string) {
  await db
    .update(leadershipTerms)
    .set({ endedNotifiedAt: sql`now()` })
    .where(and(eq(leadershipTerms.communityId, communityId), eq(leadershipTerms.userId, userId)));
}

/** Whether the community has a leader or co-leader whose account is active (not suspended). */
export async function hasActiveLeader(db: Db, communityId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: communityMembers.userId })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        inArray(communityMembers.role, ['leader', 'co_leader']),
        isNull(users.suspendedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** A succession by id (for the daily job, under the community lock). */
export async function findSuccessionById(db: Db, id: string) {
  const [row] = await db.select().from(successions).where(eq(successions.id, id));
  return row;
}

/**
 * The communities `userId` leads (leader or co-leader) where no other leader or co-leader with an
 * active account remains: left leaderless when that person is suspended.
 */
export async function listCommunitiesLedOnlyBy(db: Db, userId: string) {
  return rowsOf<{ id: string; slug: string; name: string }>(
    await db.execute(sql`select c.id, c.slug, c.name
      from ${communityMembers} m join communities c on c.id = m.community_id
      where m.user_id = ${userId} and m.role in ('leader', 'co_leader')
        and not exists (select 1 from ${communityMembers} o join ${users} u on u.id = o.user_id
          where o.community_id = m.community_id and o.user_id <> ${userId}
            and o.role in ('leader', 'co_leader') and u.suspended_at is null)`),
  );
}
