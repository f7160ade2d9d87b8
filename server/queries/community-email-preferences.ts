import { and, asc, eq, sql } from 'drizzle-orm';
import type { EmailChoice } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { communities, communityEmailPreferences, communityMembers } from '../db/schema/index.ts';

/** The communities a person belongs to, by name, with their email override for each (null: none). One query. */
export async function listCommunityEmailChoices(db: Db, userId: string) {
  return (
    db
      .select({
        communityId: communities.id,
        slug: communities.slug,
        name: communities.name,
        email: communityEmailPreferences.email,
      })
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .leftJoin(
        communityEmailPreferences,
        and(
          eq(communityEmailPreferences.userId, communityMembers.userId),
          eq(communityEmailPreferences.communityId, communityMembers.communityId),
        ),
      )
      // A partner's project-only membership (#18 §4) is not a community they hear from.
      .where(and(eq(communityMembers.userId, userId), eq(communityMembers.projectOnly, false)))
      .orderBy(asc(sql`lower(${communities.name})`), asc(communities.id))
  );
}

/** A community's name and address, and the person's override there (null: none); undefined if it is gone. */
export async function findCommunityEmailTarget(db: Db, userId: string, communityId: string) {
  const [row] = await db
    .select({ name: communities.name, slug: communities.slug, email: communityEmailPreferences.email })
    .from(communities)
    .leftJoin(
      communityEmailPreferences,
      and(
        eq(communityEmailPreferences.communityId, communities.id),
        eq(communityEmailPreferences.userId, userId),
      ),
    )
    .where(eq(communities.id, communityId));
  return row;
}

/** One person's override for one community, or undefined. */
export async function findCommunityEmailChoice(
  db: Db,
  userId: string,
  communityId: string,
): Promise<EmailChoice | undefined> {
  const [row] = await db
    .select({ email: communityEmailPreferences.email })
    .from(communityEmailPreferences)
    .where(
      and(
        eq(communityEmailPreferences.userId, userId),
        eq(communityEmailPreferences.communityId, communityId),
      ),
    );
  return row?.email;
}

/** Sets one person's override for one community (insert or replace). */
export async function upsertCommunityEmailChoice(
  db: Db,
  userId: string,
  communityId: string,
  email: EmailChoice,
): Promise<void> {
  await db
    .insert(communityEmailPreferences)
    .values({ userId, communityId, email })
    .onConflictDoUpdate({
      target: [communityEmailPreferences.userId, communityEmailPreferences.communityId],
      set: { email: sql`excluded.email` },
    });
}

/** Removes one person's override for one community: their per-kind choices apply again. */
export async function deleteCommunityEmailChoice(db: Db, userId: string, communityId: string): Promise<void> {
  await db
    .delete(communityEmailPreferences)
    .where(
      and(
        eq(communityEmailPreferences.userId, userId),
        eq(communityEmailPreferences.communityId, communityId),
      ),
    );
}

/** Turns every override of one person off (an "unsubscribe from everything" link). */
export async function turnOffCommunityEmailChoices(db: Db, userId: string): Promise<void> {
  await db
    .update(communityEmailPreferences)
    .set({ email: 'off' })
    .where(eq(communityEmailPreferences.userId, userId));
}

/** Whether one person has an override that sends digests (daily or weekly) in any community. */
export async function hasDigestCommunityEmailChoice(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(communityEmailPreferences)
    .where(
      and(
        eq(communityEmailPreferences.userId, userId),
        sql`${communityEmailPreferences.email} in ('daily', 'weekly')`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Turns off one person's overrides that send digests (an unsubscribe link from a digest's header). */
export async function turnOffDigestCommunityEmailChoices(db: Db, userId: string): Promise<void> {
  await db
    .update(communityEmailPreferences)
    .set({ email: 'off' })
    .where(
      and(
        eq(communityEmailPreferences.userId, userId),
        sql`${communityEmailPreferences.email} in ('daily', 'weekly')`,
      ),
    );
}
