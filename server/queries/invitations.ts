import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, invitations, users } from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';

const openIn = (communityId: string) =>
  and(eq(invitations.communityId, communityId), eq(invitations.status, 'pending'));

const openInvitationColumns = {
  id: invitations.id,
  email: invitations.email,
  name: invitations.name,
  role: invitations.role,
  status: invitations.status,
  uses: invitations.uses,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  invitedByName: users.displayName,
};

/** The most open invitations one export holds (a community gets at most 2,000 a cohort file). */
export const maxExportedInvitations = 50_000;

/** Every open invitation of a community, newest first, for the CSV export (one query, same index). */
export async function listAllOpenInvitations(db: Db, communityId: string) {
  return db
    .select(openInvitationColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(openIn(communityId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(maxExportedInvitations);
}

/**
 * A page of a community's open invitations (pending email invitations and links not revoked), newest
 * first, by keyset on (created_at, id) (`invitations_open_list_idx`), with how many are open in all.
 * A cohort import can leave thousands, so the list pages rather than stopping at a fixed number.
 */
export async function listOpenInvitations(
  db: Db,
  communityId: string,
  options: { cursor?: string | undefined; limit: number },
) {
  const open = openIn(communityId);
  const rows = await db
    .select({ ...openInvitationColumns, cursorAt: exactTimestamp(invitations.createdAt) })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(open, rowsAfter(invitations.createdAt, invitations.id, options.cursor)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(options.limit + 1);
  const [counted] = await db.select({ total: count() }).from(invitations).where(open);
  return {
    ...pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.id })),
    total: counted?.total ?? 0,
  };
}

/** An invitation by its token's hash, with its community and who sent it. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      status: invitations.status,
      expired: sql<boolean>`${invitations.expiresAt} <= now()`,
      communityId: communities.id,
      slug: communities.slug,
      name: communities.name,
      purpose: communities.purpose,
      stage: communities.stage,
      invitedByName: users.displayName,
    })
    .from(invitations)
    .innerJoin(communities, eq(communities.id, invitations.communityId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export type OpenInvitationRow = Awaited<ReturnType<typeof listOpenInvitations>>['page'][number];

/** Which of these addresses hold a pending, unexpired invitation to the community. */
export async function listPendingInvitationEmails(
  db: Db,
  communityId: string,
  emails: string[],
): Promise<(string | null)[]> {
  const rows = await db
    .select({ email: invitations.email })
    .from(invitations)
    .where(
      and(
        eq(invitations.communityId, communityId),
        eq(invitations.status, 'pending'),
        inArray(invitations.email, emails),
        sql`${invitations.expiresAt} > now()`,
      ),
    );
  return rows.map((row) => row.email);
}

export type NewInvitationRow = typeof invitations.$inferInsert;

/** Stores email invitations, in one statement. */
export async function insertInvitations(db: Db, rows: NewInvitationRow[]): Promise<void> {
  await db.insert(invitations).values(rows);
}

/** Stores one invitation (a shareable link); answers its id and expiry. */
export async function insertInvitation(db: Db, row: NewInvitationRow) {
  const [link] = await db
    .insert(invitations)
    .values(row)
    .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
  return link;
}

/** Revokes an invitation of the community, now; answers whether there was one. */
export async function updateInvitationRevoked(
  db: Db,
  communityId: string,
  invitationId: string,
): Promise<boolean> {
  const revoked = await db
    .update(invitations)
    .set({ status: 'revoked', respondedAt: sql`now()` })
    .where(and(eq(invitations.id, invitationId), eq(invitations.communityId, communityId)))
    .returning({ status: invitations.status });
  return revoked.length > 0;
}

/** An email invitation is accepted, now, by this person: used once and done. */
export async function updateInvitationAccepted(
  db: Db,
  invitationId: string,
  acceptedBy: string,
): Promise<void> {
  await db
    .update(invitations)
    .set({ status: 'accepted', acceptedBy, respondedAt: sql`now()`, uses: sql`${invitations.uses} + 1` })
    .where(eq(invitations.id, invitationId));
}

/** Counts one more use of an invitation link. */
export async function incrementInvitationUses(db: Db, invitationId: string): Promise<void> {
  await db
    .update(invitations)
    .set({ uses: sql`${invitations.uses} + 1` })
    .where(eq(invitations.id, invitationId));
}

/** An email invitation is declined, now. */
export async function updateInvitationDeclined(db: Db, invitationId: string): Promise<void> {
  await db
    .update(invitations)
    .set({ status: 'declined', respondedAt: sql`now()` })
    .where(eq(invitations.id, invitationId));
}
