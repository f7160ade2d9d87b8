import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, invitations, users } from '../db/schema/index.ts';

/** A community's open invitations (pending email invitations and links not revoked), newest first. */
export async function listOpenInvitations(db: Db, communityId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      status: invitations.status,
      uses: invitations.uses,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitedByName: users.displayName,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.communityId, communityId), eq(invitations.status, 'pending')))
    .orderBy(desc(invitations.createdAt))
    .limit(500);
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
