import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { MembershipRole, PingAudience } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import {
  activityEvents,
  communities,
  communityMembers,
  meetingAttendance,
  meetings,
  type PingSnapshot,
  pingAnonymousAnswers,
  pingAnswerLinks,
  pingAnswers,
  pingRecipients,
  pings,
  users,
} from '../db/schema/index.ts';
import { suspendedIn } from './communities.ts';
import { rowsOf } from './raw-rows.ts';

/** Pings (#16 §1): the Ping, its recipients, its answers (named or anonymous) and its answer links. */

export type PingRow = typeof pings.$inferSelect;

/** Adds a Ping; answers its row. */
export async function insertPing(db: Db, values: typeof pings.$inferInsert): Promise<PingRow> {
  const [row] = await db.insert(pings).values(values).returning();
  if (!row) throw new Error('insertPing wrote nothing');
  return row;
}

/** Who an audience is, as SQL over `community_members m` (active accounts, never the sender). */
function audienceCondition(
  communityId: string,
  audience: PingAudience,
  role: MembershipRole | null,
  inactiveSince: Date,
) {
  switch (audience) {
    case 'all':
      return sql`true`;
    case 'role':
      return sql`m.role = ${role ?? 'member'}`;
    case 'attended_last_meeting':
      // The community's latest meeting that has started and whose attendance was taken.
      return sql`m.user_id in (select a.user_id from ${meetingAttendance} a where a.meeting_id = (
        select g.id from ${meetings} g where g.community_id = ${communityId}
          and g.starts_at <= now() and g.attendance_taken_at is not null
        order by g.starts_at desc, g.id desc limit 1))`;
    case 'inactive_60_days':
      return sql`m.joined_at < ${inactiveSince.toISOString()} and not exists (
        select 1 from ${activityEvents} e where e.community_id = ${communityId}
          and e.actor_id = m.user_id and e.occurred_at >= ${inactiveSince.toISOString()})`;
  }
}

/**
 * Fixes a Ping's recipients when it is sent: the community's members in its audience (not the sender,
 * not suspended accounts), in one statement. Answers their ids.
 */
export async function insertPingRecipients(
  db: Db,
  ping: Pick<PingRow, 'id' | 'communityId' | 'audience' | 'audienceRole' | 'authorId'>,
  inactiveSince: Date,
): Promise<string[]> {
  const result = await db.execute(sql`insert into ${pingRecipients} (ping_id, user_id)
    select ${ping.id}::uuid, m.user_id from ${communityMembers} m join ${users} u on u.id = m.user_id
    where m.community_id = ${ping.communityId} and u.suspended_at is null and not m.project_only
      and m.user_id is distinct from ${ping.authorId}::uuid
      and ${audienceCondition(ping.communityId, ping.audience, ping.audienceRole, inactiveSince)}
    returning user_id`);
  return rowsOf<{ user_id: string }>(result).map((row) => row.user_id);
}

/** Sets how many people a Ping went to. */
export async function updatePingRecipientCount(db: Db, pingId: string, count: number): Promise<void> {
  await db.update(pings).set({ recipientCount: count }).where(eq(pings.id, pingId));
}

/**
 * How a transaction holds a Ping's row until it ends. `update` (closing, extending, starting its
 * discussion, an anonymous answer) excludes every other holder. `share` (a named answer) lets answers
 * run side by side: FOR KEY SHARE, which an `update` waits for (so nobody answers a Ping being closed)
 * and the answer count's own UPDATE does not (so two first answers never deadlock).
 */
export type PingLock = 'update' | 'share';

/** A Ping by id (held for the rest of the transaction with `lock`). */
export async function findPing(db: Db, pingId: string, options: { lock?: PingLock } = {}) {
  const query = db.select().from(pings).where(eq(pings.id, pingId));
  const [row] = await (options.lock === 'update'
    ? query.for('update')
    : options.lock === 'share'
      ? query.for('key share')
      : query);
  return row;
}

/**
 * A named Ping to answer, held with the answers' shared lock (`share`), with the actor's place in it
 * (as `findPingRecipient`), in one statement: undefined for an anonymous Ping (which an answer holds
 * with `update`, see `findPingToAnswer` in services/pings/load-ping.ts) or none at all.
 */
export async function findNamedPingToAnswer(db: Db, pingId: string, userId: string) {
  const [row] = await db
    .select({
      ping: pings,
      addressed: sql<boolean>`${pingRecipients.userId} is not null`,
      answeredAt: pingRecipients.answeredAt,
      choice: pingAnswers.choice,
      text: pingAnswers.text,
    })
    .from(pings)
    .leftJoin(pingRecipients, and(eq(pingRecipients.pingId, pings.id), eq(pingRecipients.userId, userId)))
    .leftJoin(pingAnswers, and(eq(pingAnswers.pingId, pings.id), eq(pingAnswers.userId, userId)))
    .where(and(eq(pings.id, pingId), eq(pings.anonymous, false)))
    .for('key share', { of: pings });
  if (!row) return undefined;
  const { ping, addressed, ...recipient } = row;
  return { ping, recipient: addressed ? recipient : undefined };
}

/** The actor's place in a Ping: a recipient or not, answered or not, and (not anonymous) the answer. */
export async function findPingRecipient(db: Db, pingId: string, userId: string) {
  const [row] = await db
    .select({ answeredAt: pingRecipients.answeredAt, choice: pingAnswers.choice, text: pingAnswers.text })
    .from(pingRecipients)
    .leftJoin(pingAnswers, and(eq(pingAnswers.pingId, pingRecipients.pingId), eq(pingAnswers.userId, userId)))
    .where(and(eq(pingRecipients.pingId, pingId), eq(pingRecipients.userId, userId)));
  return row;
}

/**
 * Marks a recipient as having answered; answers true the first time. For an anonymous Ping only the
 * day is kept, so the time does not point at the answer.
 */
export async function markPingRecipientAnswered(
  db: Db,
  pingId: string,
  userId: string,
  coarse: boolean,
): Promise<boolean> {
  const rows = await db
    .update(pingRecipients)
    .set({
      answeredAt: coarse ? sql`date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'` : sql`now()`,
    })
    .where(
      and(
        eq(pingRecipients.pingId, pingId),
        eq(pingRecipients.userId, userId),
        isNull(pingRecipients.answeredAt),
      ),
    )
    .returning({ userId: pingRecipients.userId });
  return rows.length > 0;
}

/**
 * Marks a recipient of a named Ping as having answered, counting them on the Ping the first time, in one
 * statement (the count's row stays held only from here to the commit).
 */
export async function markNamedPingAnswered(db: Db, pingId: string, userId: string): Promise<void> {
  await db.execute(sql`with marked as (
      update ${pingRecipients} set answered_at = now()
      where ping_id = ${pingId}::uuid and user_id = ${userId}::uuid and answered_at is null
      returning 1)
    update ${pings} set answer_count = answer_count + 1
    where id = ${pingId}::uuid and exists (select 1 from marked)`);
}

/** Counts one more recipient who answered. */
export async function incrementPingAnswerCount(db: Db, pingId: string): Promise<void> {
  await db
    .update(pings)
    .set({ answerCount: sql`${pings.answerCount} + 1` })
    .where(eq(pings.id, pingId));
}

/** Writes or replaces a named answer. */
export async function upsertPingAnswer(
  db: Db,
  answer: { pingId: string; userId: string; choice: number | null; text: string | null },
): Promise<void> {
  await db
    .insert(pingAnswers)
    .values(answer)
    .onConflictDoUpdate({
      target: [pingAnswers.pingId, pingAnswers.userId],
      set: { choice: answer.choice, text: answer.text, answeredAt: sql`now()` },
    });
}

/** Adds an anonymous answer (no person, only the day); answers how many the Ping now has. */
export async function insertAnonymousPingAnswer(
  db: Db,
  answer: { pingId: string; choice: number | null; text: string | null },
): Promise<number> {
  await db.insert(pingAnonymousAnswers).values(answer);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(pingAnonymousAnswers)
    .where(eq(pingAnonymousAnswers.pingId, answer.pingId));
  return row?.count ?? 0;
}

/** Counts per choice and the text answers of a Ping (texts in alphabetical order: no order of arrival). */
export async function summarisePingAnswers(
  db: Db,
  pingId: string,
  anonymous: boolean,
  choiceCount: number,
): Promise<PingSnapshot> {
  const table = anonymous ? pingAnonymousAnswers : pingAnswers;
  const rows = await db
    .select({ choice: table.choice, text: table.text })
    .from(table)
    .where(eq(table.pingId, pingId))
    .orderBy(asc(table.text));
  const counts = Array.from({ length: choiceCount }, () => 0);
  const texts: string[] = [];
  for (const row of rows) {
    if (row.choice !== null && row.choice < choiceCount) counts[row.choice] = (counts[row.choice] ?? 0) + 1;
    if (row.text !== null) texts.push(row.text);
  }
  return { answers: rows.length, counts, texts };
}

/** Publishes an anonymous Ping's results (every fifth answer). */
export async function updatePingSnapshot(db: Db, pingId: string, snapshot: PingSnapshot): Promise<void> {
  await db.update(pings).set({ snapshot }).where(eq(pings.id, pingId));
}

/** Closes a Ping now; false when it was already closed. */
export async function closePingNow(db: Db, pingId: string): Promise<boolean> {
  const rows = await db
    .update(pings)
    .set({ closedAt: sql`now()` })
    .where(and(eq(pings.id, pingId), isNull(pings.closedAt), sql`${pings.closesAt} > now()`))
    .returning({ id: pings.id });
  return rows.length > 0;
}

/** Moves a Ping's closing time. */
export async function updatePingClosesAt(db: Db, pingId: string, closesAt: Date): Promise<void> {
  await db.update(pings).set({ closesAt }).where(eq(pings.id, pingId));
}

/**
 * A community's Pings, newest first (for its leaders): at most `limit`, each with whether it was sent to
 * `userId` and when they answered.
 */
export async function listCommunityPings(db: Db, communityId: string, userId: string, limit: number) {
  return db
    .select({
      ping: pings,
      addressed: sql<boolean>`${pingRecipients.userId} is not null`,
      answeredAt: pingRecipients.answeredAt,
    })
    .from(pings)
    .leftJoin(pingRecipients, and(eq(pingRecipients.pingId, pings.id), eq(pingRecipients.userId, userId)))
    .where(eq(pings.communityId, communityId))
    .orderBy(desc(pings.opensAt), desc(pings.id))
    .limit(limit);
}

/** The open Pings of a community sent to this person, newest first, with whether they answered. */
export async function listOpenPingsFor(db: Db, communityId: string, userId: string, limit: number) {
  return db
    .select({
      ping: pings,
      answeredAt: pingRecipients.answeredAt,
      choice: pingAnswers.choice,
      text: pingAnswers.text,
    })
    .from(pingRecipients)
    .innerJoin(pings, eq(pings.id, pingRecipients.pingId))
    .leftJoin(pingAnswers, and(eq(pingAnswers.pingId, pings.id), eq(pingAnswers.userId, userId)))
    .where(
      and(
        eq(pingRecipients.userId, userId),
        eq(pings.communityId, communityId),
        isNull(pings.closedAt),
        sql`${pings.closesAt} > now()`,
      ),
    )
    .orderBy(desc(pings.opensAt), desc(pings.id))
    .limit(limit);
}

/**
 * The open Pings sent to this person in all their communities (for the home page), newest first:
 * not in archived communities, and only where they are still a member who is not suspended.
 */
export async function listOpenPingsForPerson(db: Db, userId: string, limit: number) {
  return db
    .select({
      ping: pings,
      communityName: communities.name,
      communitySlug: communities.slug,
      answeredAt: pingRecipients.answeredAt,
    })
    .from(pingRecipients)
    .innerJoin(pings, eq(pings.id, pingRecipients.pingId))
    .innerJoin(communities, eq(communities.id, pings.communityId))
    .innerJoin(
      communityMembers,
      and(eq(communityMembers.communityId, pings.communityId), eq(communityMembers.userId, userId)),
    )
    .where(
      and(
        eq(pingRecipients.userId, userId),
        isNull(pings.closedAt),
        sql`${pings.closesAt} > now()`,
        sql`${communities.stage} <> 'archived'`,
        sql`not ${suspendedIn(sql`${pings.communityId}`, userId)}`,
      ),
    )
    .orderBy(desc(pings.opensAt), desc(pings.id))
    .limit(limit);
}

/** The named answers of a Ping with who gave them, for the leaders' CSV (never for anonymous Pings). */
export async function listNamedPingAnswers(db: Db, pingId: string) {
  return db
    .select({
      displayName: users.displayName,
      email: users.email,
      choice: pingAnswers.choice,
      text: pingAnswers.text,
      answeredAt: pingAnswers.answeredAt,
    })
    .from(pingAnswers)
    .innerJoin(users, eq(users.id, pingAnswers.userId))
    .where(eq(pingAnswers.pingId, pingId))
    .orderBy(asc(users.displayName), asc(users.id));
}

// ── One-click answer links ────────────────────────────────────────────────────────────────────────

/** Stores the hashed answer links of a Ping's email (one per recipient and choice), in one statement. */
export async function insertPingAnswerLinks(
  db: Db,
  pingId: string,
  links: { tokenHash: string; userId: string; choice: number }[],
): Promise<void> {
  if (links.length === 0) return;
  await db.execute(sql`insert into ${pingAnswerLinks} (token_hash, ping_id, user_id, choice)
    select h, ${pingId}::uuid, u, c from unnest(
      ${`{${links.map((l) => l.tokenHash).join(',')}}`}::text[],
      ${`{${links.map((l) => l.userId).join(',')}}`}::uuid[],
      ${`{${links.map((l) => l.choice).join(',')}}`}::int[]) as t(h, u, c)`);
}

/** An answer link by its token's hash, with its Ping. */
export async function findPingAnswerLink(db: Db, tokenHash: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({ link: pingAnswerLinks, ping: pings })
    .from(pingAnswerLinks)
    .innerJoin(pings, eq(pings.id, pingAnswerLinks.pingId))
    .where(eq(pingAnswerLinks.tokenHash, tokenHash));
  // The link's row only: the Ping's is held by the answer's own lock (see `PingLock`).
  const [row] = await (options.lock ? query.for('update', { of: pingAnswerLinks }) : query);
  return row;
}

/** Marks a link used (a Ping that is not anonymous). */
export async function markPingAnswerLinkUsed(db: Db, tokenHash: string): Promise<void> {
  await db
    .update(pingAnswerLinks)
    .set({ usedAt: sql`now()` })
    .where(eq(pingAnswerLinks.tokenHash, tokenHash));
}

/** Deletes a recipient's answer links of a Ping (after an anonymous answer: nothing says which was used). */
export async function deletePingAnswerLinksOf(db: Db, pingId: string, userId: string): Promise<void> {
  await db
    .delete(pingAnswerLinks)
    .where(and(eq(pingAnswerLinks.pingId, pingId), eq(pingAnswerLinks.userId, userId)));
}

/** Links a Ping to the discussion of its results. */
export async function setPingThread(db: Db, pingId: string, threadId: string): Promise<void> {
  await db.update(pings).set({ threadId }).where(eq(pings.id, pingId));
}
