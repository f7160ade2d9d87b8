import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ProjectMemberRole, ProjectStatus, ProjectTaskStatus } from '../../common/project-enums.ts';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityMembers,
  invitations,
  projectInvitations,
  projectMembers,
  projectMilestones,
  projectOutputs,
  projects,
  projectTasks,
  users,
} from '../db/schema/index.ts';

/**
 * Projects with external partners (#18 §4). Their members, milestones, tasks and outputs are read only
 * here and only by the project page's service, after the policy has let the viewer in: no
 * community-wide list, search, feed or digest touches these tables.
 */

export type ProjectRow = typeof projects.$inferSelect;

/** Writes a project; returns its id. */
export async function insertProject(db: Db, project: typeof projects.$inferInsert): Promise<string> {
  const [row] = await db.insert(projects).values(project).returning({ id: projects.id });
  if (!row) throw new Error('insertProject returned nothing');
  return row.id;
}

/** The viewer's role in the project, as SQL (null when not in it). */
function viewerRoleOf(userId: string) {
  return sql<ProjectMemberRole | null>`(select ${projectMembers.role} from ${projectMembers}
    where ${projectMembers.projectId} = ${projects.id} and ${projectMembers.userId} = ${userId})`;
}

const memberCount = sql<number>`(select count(*)::int from ${projectMembers}
  where ${projectMembers.projectId} = ${projects.id})`;

/** A community's projects the viewer may know of, newest first: all when `seesAll`, else those they are in. */
export async function listProjectsOfCommunity(db: Db, communityId: string, userId: string, seesAll: boolean) {
  const role = viewerRoleOf(userId);
  return db
    .select({
      id: projects.id,
      title: projects.title,
      goal: projects.goal,
      status: projects.status,
      memberCount,
      viewerRole: role,
    })
    .from(projects)
    .where(and(eq(projects.communityId, communityId), seesAll ? undefined : sql`${role} is not null`))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(200);
}

/** The projects a person is in, across communities (their community's name and slug with each). */
export async function listProjectsOfMember(db: Db, userId: string) {
  return db
    .select({
      id: projects.id,
      title: projects.title,
      goal: projects.goal,
      status: projects.status,
      memberCount,
      viewerRole: projectMembers.role,
      community: { slug: communities.slug, name: communities.name },
    })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .innerJoin(communities, eq(communities.id, projects.communityId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(200);
}

/** One project with the viewer's role in it (undefined when there is none). */
export async function findProject(db: Db, projectId: string, userId: string) {
  const [row] = await db
    .select({ project: projects, viewerRole: viewerRoleOf(userId) })
    .from(projects)
    .where(eq(projects.id, projectId));
  return row;
}

/** Takes the project row's lock for the rest of the transaction. */
export async function lockProject(db: Db, projectId: string): Promise<void> {
  await db.execute(sql`select 1 from ${projects} where ${projects.id} = ${projectId} for update`);
}

/** Adds people to a project (a role already held is changed). */
export async function upsertProjectMembers(
  db: Db,
  projectId: string,
  rows: { userId: string; role: ProjectMemberRole }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(projectMembers)
    .values(rows.map((row) => ({ projectId, userId: row.userId, role: row.role })))
    .onConflictDoUpdate({
      target: [projectMembers.projectId, projectMembers.userId],
      set: { role: sql`excluded.role` },
    });
}

/** Which of `userIds` are ordinary members of the community (not project-only guests). */
export async function listOrdinaryMemberIdsAmong(
  db: Db,
  communityId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        inArray(communityMembers.userId, [...userIds]),
        eq(communityMembers.projectOnly, false),
      ),
    );
  return rows.map((row) => row.userId);
}

/** Which of `userIds` are in the project. */
export async function listProjectMemberIdsAmong(db: Db, projectId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, [...userIds])));
  return rows.map((row) => row.userId);
}

/** Which of `userIds` hold a project-only membership of the community (partners: told nothing of it). */
export async function listProjectOnlyMemberIds(db: Db, communityId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        inArray(communityMembers.userId, [...userIds]),
        eq(communityMembers.projectOnly, true),
      ),
    );
  return rows.map((row) => row.userId);
}

const person = sql<{ id: string; displayName: string } | null>`case when ${users.id} is null then null
  else json_build_object('id', ${users.id}, 'displayName', ${users.displayName}) end`;

/** Everything on a project's page, in one round trip per part: members, milestones, tasks, outputs. */
export async function loadProjectPage(db: Db, projectId: string) {
  const [members, milestones, tasks, outputs] = await Promise.all([
    db
      .select({ id: users.id, displayName: users.displayName, role: projectMembers.role })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(eq(projectMembers.projectId, projectId))
      .orderBy(asc(projectMembers.joinedAt), asc(users.id)),
    db
      .select({
        id: projectMilestones.id,
        title: projectMilestones.title,
        dueOn: projectMilestones.dueOn,
        doneAt: projectMilestones.doneAt,
      })
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, projectId))
      .orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.id)),
    db
      .select({
        id: projectTasks.id,
        title: projectTasks.title,
        dueOn: projectTasks.dueOn,
        status: projectTasks.status,
        owner: person,
      })
      .from(projectTasks)
      .leftJoin(users, eq(users.id, projectTasks.ownerId))
      .where(eq(projectTasks.projectId, projectId))
      .orderBy(asc(projectTasks.createdAt), asc(projectTasks.id)),
    db
      .select({
        id: projectOutputs.id,
        kind: projectOutputs.kind,
        title: projectOutputs.title,
        citation: projectOutputs.citation,
        url: projectOutputs.url,
        resourceId: projectOutputs.resourceId,
        createdAt: projectOutputs.createdAt,
      })
      .from(projectOutputs)
      .where(eq(projectOutputs.projectId, projectId))
      .orderBy(asc(projectOutputs.createdAt), asc(projectOutputs.id)),
  ]);
  return { members, milestones, tasks, outputs };
}

/** Changes a project's status, title or goal (those given). */
export async function updateProject(
  db: Db,
  projectId: string,
  change: { status?: ProjectStatus | undefined; title?: string | undefined; goal?: string | undefined },
): Promise<void> {
  const set = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  if (Object.keys(set).length === 0) return;
  await db.update(projects).set(set).where(eq(projects.id, projectId));
}

/** Changes a project member's role (the caller has checked that they are in the project). */
export async function updateProjectMemberRole(
  db: Db,
  projectId: string,
  userId: string,
  role: ProjectMemberRole,
): Promise<void> {
  await db
    .update(projectMembers)
    .set({ role })
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
}

/** Writes a milestone; returns its id. */
export async function insertProjectMilestone(db: Db, milestone: typeof projectMilestones.$inferInsert) {
  const [row] = await db.insert(projectMilestones).values(milestone).returning({ id: projectMilestones.id });
  if (!row) throw new Error('insertProjectMilestone returned nothing');
  return row.id;
}

/** Marks a milestone of the project reached (or not); false when the project has no such milestone. */
export async function updateProjectMilestoneDone(
  db: Db,
  projectId: string,
  milestoneId: string,
  done: boolean,
) {
  const rows = await db
    .update(projectMilestones)
    .set({ doneAt: done ? sql`now()` : null })
    .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId)))
    .returning({ id: projectMilestones.id });
  return rows.length > 0;
}

/** Writes a task; returns its id. */
export async function insertProjectTask(db: Db, task: typeof projectTasks.$inferInsert) {
  const [row] = await db.insert(projectTasks).values(task).returning({ id: projectTasks.id });
  if (!row) throw new Error('insertProjectTask returned nothing');
  return row.id;
}

/** Sets a task's status; false when the project has no such task. */
export async function updateProjectTaskStatus(
  db: Db,
  projectId: string,
  taskId: string,
  status: ProjectTaskStatus,
) {
  const rows = await db
    .update(projectTasks)
    .set({ status })
    .where(and(eq(projectTasks.id, taskId), eq(projectTasks.projectId, projectId)))
    .returning({ id: projectTasks.id });
  return rows.length > 0;
}

/** Writes an output; returns its id. */
export async function insertProjectOutput(db: Db, output: typeof projectOutputs.$inferInsert) {
  const [row] = await db.insert(projectOutputs).values(output).returning({ id: projectOutputs.id });
  if (!row) throw new Error('insertProjectOutput returned nothing');
  return row.id;
}

/** Marks an email invitation as one for a project. */
export async function insertProjectInvitation(db: Db, invitationId: string, projectId: string) {
  await db.insert(projectInvitations).values({ invitationId, projectId });
}

/** The project an invitation is for (undefined: an ordinary invitation to the community). */
export async function findInvitationProject(db: Db, invitationId: string) {
  const [row] = await db
    .select({ projectId: projectInvitations.projectId, title: projects.title })
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .where(eq(projectInvitations.invitationId, invitationId));
  return row;
}

/** The pending email invitation of the community to `email` (its id), if there is one. */
export async function findPendingEmailInvitationId(db: Db, communityId: string, email: string) {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.communityId, communityId),
        eq(invitations.email, email),
        eq(invitations.status, 'pending'),
      ),
    );
  return row?.id;
}

/** The roles in the project of its members (to remove one, and to keep a lead). */
export async function listProjectRoles(db: Db, projectId: string) {
  return db
    .select({ userId: projectMembers.userId, role: projectMembers.role })
    .from(projectMembers)
    .where(eq(projectMembers.projectId, projectId));
}

/** Takes someone out of a project. */
export async function deleteProjectMember(db: Db, projectId: string, userId: string): Promise<void> {
  await db
    .delete(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
}

/**
 * Ends a partner's project-only membership of the community once they are in none of its projects
 * (an ordinary membership is never touched).
 */
export async function deleteUnusedProjectOnlyMembership(db: Db, communityId: string, userId: string) {
  await db.delete(communityMembers).where(
    and(
      eq(communityMembers.communityId, communityId),
      eq(communityMembers.userId, userId),
      eq(communityMembers.projectOnly, true),
      sql`not exists (select 1 from ${projectMembers} pm join ${projects} p on p.id = pm.project_id
        where pm.user_id = ${userId} and p.community_id = ${communityId})`,
    ),
  );
}
