import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ProposalStatus } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { proposalLeaders, proposals } from '../db/schema/index.ts';

/** A proposal's columns as written (submitting one, or the proposer editing it). */
export type ProposalInsert = typeof proposals.$inferInsert;

/** Adds a proposal; answers its id (undefined: nothing was written). */
export async function insertProposal(db: Db, proposal: ProposalInsert): Promise<{ id: string } | undefined> {
  const [row] = await db.insert(proposals).values(proposal).returning({ id: proposals.id });
  return row;
}

/** Writes the proposer's edits to a proposal (the columns given) and marks it active now. */
export async function updateProposalFields(
  db: Db,
  id: string,
  changes: Partial<ProposalInsert>,
): Promise<void> {
  await db
    .update(proposals)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(proposals.id, id));
}

/**
 * Moves a proposal to `status` and marks it active now. `decided` also stamps the decision (approve,
 * decline, withdraw); `communityId` records the community an approval created.
 */
export async function updateProposalStatus(
  db: Db,
  id: string,
  status: ProposalStatus,
  options: { decided?: boolean; communityId?: string } = {},
): Promise<void> {
  await db
    .update(proposals)
    .set({
      status,
      ...(options.communityId ? { communityId: options.communityId } : {}),
      ...(options.decided ? { decidedAt: sql`now()` } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(proposals.id, id));
}

/** Marks a proposal active now (a comment or a co-leader's answer), so it rises in the lists. */
export async function touchProposal(db: Db, id: string): Promise<void> {
  await db.update(proposals).set({ updatedAt: sql`now()` }).where(eq(proposals.id, id));
}

/** Names people as co-leaders of a proposal (each answer pending); one insert, none for no one. */
export async function insertProposalLeaders(db: Db, proposalId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.insert(proposalLeaders).values(userIds.map((userId) => ({ proposalId, userId })));
}

/** Drops people from a proposal's co-leaders (their answers go with them); none for no one. */
export async function deleteProposalLeaders(db: Db, proposalId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .delete(proposalLeaders)
    .where(and(eq(proposalLeaders.proposalId, proposalId), inArray(proposalLeaders.userId, userIds)));
}

/** Records a named co-leader's answer (accept or decline) and when they gave it. */
export async function updateProposalLeaderAnswer(
  db: Db,
  proposalId: string,
  userId: string,
  status: 'accepted' | 'declined',
): Promise<void> {
  await db
    .update(proposalLeaders)
    .set({ status, respondedAt: sql`now()` })
    .where(and(eq(proposalLeaders.proposalId, proposalId), eq(proposalLeaders.userId, userId)));
}
