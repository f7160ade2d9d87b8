import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { activityRoles, meetingRoleAssignments } from '../db/schema/index.ts';

/** A community's own activity roles (the defaults aside), by name whatever the case. */
export async function listCustomActivityRoles(db: Db, communityId: string) {
  return db
    .select({ id: activityRoles.id, name: activityRoles.name })
    .from(activityRoles)
    .where(eq(activityRoles.communityId, communityId))
    .orderBy(asc(sql`lower(${activityRoles.name})`));
}

/** Adds an activity role to a community; answers the new row. */
export async function insertActivityRole(db: Db, communityId: string, name: string) {
  const [row] = await db
    .insert(activityRoles)
    .values({ communityId, name })
    .returning({ id: activityRoles.id, name: activityRoles.name });
  return row;
}

/** Deletes one of a community's own roles; answers whether there was one. */
export async function deleteActivityRole(db: Db, communityId: string, roleId: string): Promise<boolean> {
  const deleted = await db
    .delete(activityRoles)
    .where(and(eq(activityRoles.id, roleId), eq(activityRoles.communityId, communityId)))
    .returning({ id: activityRoles.id });
  return deleted.length > 0;
}

/** Who holds a role at a meeting (undefined: nobody). */
export async function findRoleHolder(db: Db, meetingId: string, role: string) {
  const [row] = await db
    .select({ userId: meetingRoleAssignments.userId })
    .from(meetingRoleAssignments)
    .where(and(eq(meetingRoleAssignments.meetingId, meetingId), eq(meetingRoleAssignments.role, role)));
  return row;
}

/** Leaves a role at a meeting to nobody. */
export async function deleteRoleAssignment(db: Db, meetingId: string, role: string): Promise<void> {
  await db
    .delete(meetingRoleAssignments)
    .where(and(eq(meetingRoleAssignments.meetingId, meetingId), eq(meetingRoleAssignments.role, role)));
}

/** Gives a role at a meeting to a person, in place of whoever held it. */
export async function upsertRoleAssignment(
  db: Db,
  assignment: { meetingId: string; role: string; userId: string; volunteered: boolean },
): Promise<void> {
  await db
    .insert(meetingRoleAssignments)
    .values(assignment)
    .onConflictDoUpdate({
      target: [meetingRoleAssignments.meetingId, meetingRoleAssignments.role],
      set: { userId: assignment.userId, volunteered: assignment.volunteered, assignedAt: new Date() },
    });
}
