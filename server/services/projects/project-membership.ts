import type { ProjectMemberRole } from '../../../common/project-enums.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayLeaveProject, mayManageProject } from '../../policies/projects.ts';
import {
  deleteProjectMember,
  deleteUnusedProjectOnlyMembership,
  listOrdinaryMemberIdsAmong,
  listProjectMemberIdsAmong,
  listProjectRoles,
  updateProjectMemberRole,
  upsertProjectMembers,
} from '../../queries/projects.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadProject } from './load-project.ts';

/**
 * Leads add a member of the community (not a partner: partners come by invitation) as lead or member;
 * the person added is told.
 */
export async function addProjectMember(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { userId: string; role: 'lead' | 'member' },
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership, project, subject } = await loadProject(tx, actor, projectId, {
      lock: true,
    });
    enforce(mayManageProject(community, membership, subject));
    const known = await listOrdinaryMemberIdsAmong(tx, project.communityId, [input.userId]);
    if (known.length === 0) throw fieldError('userId', 'projects.validation.communityMember');
    const already = await listProjectMemberIdsAmong(tx, project.id, [input.userId]);
    if (already.length > 0) throw new AppError('conflict', 'projects.errors.alreadyMember');
    await upsertProjectMembers(tx, project.id, [{ userId: input.userId, role: input.role }]);
    if (input.userId === actor.id) return;
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: input.userId,
      kind: 'project.activity',
      title: phrase('projects.notify.added.title', { name: actor.displayName, project: project.title }),
      body: phrase('projects.notify.added.body'),
      url: `/projects/${project.id}`,
      communityId: project.communityId,
    });
  });
}

/**
 * `userId`'s role in the project (404 when they are not in it); with `stopsLeading`, fails when they are
 * its last lead, so the project always keeps one.
 */
async function roleIn(
  db: Db,
  projectId: string,
  userId: string,
  stopsLeading: boolean,
): Promise<ProjectMemberRole> {
  const roles = await listProjectRoles(db, projectId);
  const held = roles.find((row) => row.userId === userId);
  if (!held) throw new AppError('not_found', 'projects.errors.notInProject');
  if (stopsLeading && held.role === 'lead' && roles.filter((row) => row.role === 'lead').length <= 1)
    throw new AppError('conflict', 'projects.errors.lastLead');
  return held.role;
}

/**
 * Takes someone out of the project: leads take anyone out, and every member may leave; never the last
 * lead. A partner out of their last project in the community loses the project-only membership too.
 */
export async function removeProjectMember(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  userId: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, project, subject } = await loadProject(tx, actor, projectId, {
      lock: true,
    });
    if (userId === actor.id) {
      const leads = (await listProjectRoles(tx, project.id)).filter((row) => row.role === 'lead').length;
      enforce(mayLeaveProject(community, subject, leads));
    } else {
      enforce(mayManageProject(community, membership, subject));
      await roleIn(tx, project.id, userId, true);
    }
    await deleteProjectMember(tx, project.id, userId);
    await deleteUnusedProjectOnlyMembership(tx, project.communityId, userId);
  });
}

/**
 * Leads make a member of the institution a lead, or a lead a member (never the last lead). A partner
 * stays a partner: they take part in the project but do not lead it.
 */
export async function setProjectMemberRole(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  userId: string,
  role: 'lead' | 'member',
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, project, subject } = await loadProject(tx, actor, projectId, {
      lock: true,
    });
    enforce(mayManageProject(community, membership, subject));
    const current = await roleIn(tx, project.id, userId, role === 'member');
    if (current === 'partner') throw fieldError('role', 'projects.validation.partnerRole');
    if (current === role) throw new AppError('conflict', 'projects.errors.sameRole');
    await updateProjectMemberRole(tx, project.id, userId, role);
  });
}
