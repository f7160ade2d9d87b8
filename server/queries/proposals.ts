import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ProposalStatus } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import {
  communities,
  proposalLeaders,
  proposalMessages,
  proposals,
  units,
  users,
} from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';

export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalLeaderStatus = (typeof proposalLeaders.$inferSelect)['status'];

/** The events a proposal's conversation records besides comments. */
export type ProposalEvent =
  | 'comment'
  | 'submitted'
  | 'resubmitted'
  | 'changes_requested'
  | 'approved'
  | 'declined'
  | 'withdrawn';

/** A proposal locked for the rest of the transaction (every change to a proposal starts here). */
export async function findProposalForUpdate(db: Db, id: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id)).for('update').limit(1);
  return row;
}

/** The co-leaders a proposal names, with their answer, in the order they were named. */
export async function listProposalLeaders(db: Db, proposalId: string) {
  return db
    .select({
      userId: proposalLeaders.userId,
      status: proposalLeaders.status,
      displayName: users.displayName,
    })
    .from(proposalLeaders)
    .innerJoin(users, eq(users.id, proposalLeaders.userId))
    .where(eq(proposalLeaders.proposalId, proposalId))
    .orderBy(users.displayName);
}

/** The people behind a list of ids, with what decides whether they may co-lead. */
export async function findPeopleByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      kind: users.kind,
      suspendedAt: users.suspendedAt,
    })
    .from(users)
    .where(inArray(users.id, ids));
}

/** Adds a step or a comment to a proposal's conversation. */
export async function addProposalMessage(
  db: Db,
  message: { proposalId: string; authorId: string; event: ProposalEvent; body?: string },
): Promise<void> {
  await db.insert(proposalMessages).values({ ...message, body: message.body ?? '' });
}

/**
 * Coordinators who have taken part in a proposal's conversation (reviewed or commented): they hear of
 * later comments and of a withdrawal. One query.
 */
export async function listParticipatingCoordinatorIds(db: Db, proposalId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(proposalMessages)
    .innerJoin(users, eq(users.id, proposalMessages.authorId))
    .where(
      and(eq(proposalMessages.proposalId, proposalId), inArray(users.role, ['coordinator', 'administrator'])),
    );
  return rows.map((row) => row.id);
}

export interface ProposalLeaderJson {
  id: string;
  displayName: string;
  status: ProposalLeaderStatus;
  respondedAt: string | null;
}

export interface ProposalMessageJson {
  id: string;
  event: ProposalEvent;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

const proposer = alias(users, 'proposer');

/**
 * One proposal with everything its page shows, in one query: the proposer's and unit's names, the
 * community it became, the named co-leaders and the whole conversation (JSON aggregates).
 */
export async function findProposalDetail(db: Db, id: string) {
  const [row] = await db
    .select({
      proposal: proposals,
      proposerName: proposer.displayName,
      unitName: units.name,
      communitySlug: communities.slug,
      communityName: communities.name,
      leaders: sql<ProposalLeaderJson[]>`coalesce((
        select json_agg(json_build_object(
          'id', ${users.id}, 'displayName', ${users.displayName},
          'status', ${proposalLeaders.status}, 'respondedAt', ${proposalLeaders.respondedAt}
        ) order by ${users.displayName}, ${users.id})
        from ${proposalLeaders} inner join ${users} on ${users.id} = ${proposalLeaders.userId}
        where ${proposalLeaders.proposalId} = ${proposals.id}), '[]'::json)`,
      messages: sql<ProposalMessageJson[]>`coalesce((
        select json_agg(json_build_object(
          'id', ${proposalMessages.id}, 'event', ${proposalMessages.event}, 'body', ${proposalMessages.body},
          'authorId', ${proposalMessages.authorId}, 'authorName', ${users.displayName},
          'createdAt', ${proposalMessages.createdAt}
        ) order by ${proposalMessages.createdAt}, ${proposalMessages.id})
        from ${proposalMessages} left join ${users} on ${users.id} = ${proposalMessages.authorId}
        where ${proposalMessages.proposalId} = ${proposals.id}), '[]'::json)`,
    })
    .from(proposals)
    .innerJoin(proposer, eq(proposer.id, proposals.proposerId))
    .leftJoin(units, eq(units.id, proposals.unitId))
    .leftJoin(communities, eq(communities.id, proposals.communityId))
    .where(eq(proposals.id, id))
    .limit(1);
  return row;
}

export type ProposalDetailRow = NonNullable<Awaited<ReturnType<typeof findProposalDetail>>>;

/**
 * Proposals, most recently active first (keyset on updated_at, id). `everyone` lists them all (the
 * coordinators' queue); otherwise only those the viewer proposed or is named in as a co-leader.
 */
export async function listProposals(
  db: Db,
  viewerId: string,
  options: {
    everyone: boolean;
    status?: ProposalStatus | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const conditions: (SQL | undefined)[] = [
    rowsAfter(proposals.updatedAt, proposals.id, options.cursor),
    options.status ? eq(proposals.status, options.status) : undefined,
  ];
  if (!options.everyone) {
    // A union of two indexed look-ups (proposer, named co-leader) rather than an OR the planner
    // cannot serve from indexes.
    conditions.push(sql`${proposals.id} in (
      select ${proposals.id} from ${proposals} where ${proposals.proposerId} = ${viewerId}
      union all
      select ${proposalLeaders.proposalId} from ${proposalLeaders} where ${proposalLeaders.userId} = ${viewerId})`);
  }
  const mine = alias(proposalLeaders, 'mine');
  const rows = await db
    .select({
      proposal: {
        id: proposals.id,
        name: proposals.name,
        kind: proposals.kind,
        purpose: proposals.purpose,
        status: proposals.status,
        proposerId: proposals.proposerId,
        createdAt: proposals.createdAt,
        updatedAt: proposals.updatedAt,
        decidedAt: proposals.decidedAt,
      },
      proposerName: proposer.displayName,
      communitySlug: communities.slug,
      communityName: communities.name,
      myLeadership: mine.status,
      cursorAt: exactTimestamp(proposals.updatedAt),
    })
    .from(proposals)
    .innerJoin(proposer, eq(proposer.id, proposals.proposerId))
    .leftJoin(communities, eq(communities.id, proposals.communityId))
    .leftJoin(mine, and(eq(mine.proposalId, proposals.id), eq(mine.userId, viewerId)))
    .where(and(...conditions))
    .orderBy(desc(proposals.updatedAt), desc(proposals.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.proposal.id }));
}

export type ProposalListRow = Awaited<ReturnType<typeof listProposals>>['page'][number];
