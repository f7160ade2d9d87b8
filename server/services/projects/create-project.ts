import type { CreateProjectInput } from '../../../common/contracts/projects.ts';
import type { ProjectStatus } from '../../../common/project-enums.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCreateProject, mayManageProject } from '../../policies/projects.ts';
import {
  deleteProjectMember,
  deleteUnusedProjectOnlyMembership,
  insertProject,
  listOrdinaryMemberIdsAmong,
  listProjectMemberIdsAmong,
  listProjectRoles,
  updateProjectStatus,
  upsertProjectMembers,
} from '../../queries/projects.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { loadProject } from './load-project.ts';

/** Starts a project in a community; the actor is its first lead. */
export async function createProject(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: CreateProjectInput,
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayCreateProject(actor, community, membership));
    const projectId = await insertProject(tx, {
      communityId: community.id,
      createdBy: actor.id,
      title: input.title,
      goal: input.goal,
    });
    await upsertProjectMembers(tx, projectId, [{ userId: actor.id, role: 'lead' }]);
    return projectId;
  });
}

/** Leads add a member of the community (not a partner: partners come by invitation) as lead or member. */
export async function addProjectMember(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { userId: string; role: 'lead' | 'member' },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, project, subject } = await loadProject(tx, actor, projectId, {
      lock: true,
    });
    enforce(mayManageProject(community, membership, subject));
    const known = await listOrdinaryMemberIdsAmong(tx, project.communityId, [input.userId]);
    if (known.length === 0) throw fieldError('userId', 'projects.validation.communityMember');
    const already = await listProjectMemberIdsAmong(tx, project.id, [input.userId]);
    if (already.length > 0) throw new AppError('conflict', 'projects.errors.alreadyMember');
    await upsertProjectMembers(tx, project.id, [{ userId: input.userId, role: input.role }]);
  });
}

/** Leads complete a project (or take it up again). */
export async function changeProjectStatus(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  status: ProjectStatus,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, project, subject } = await loadProject(tx, actor, projectId, {
      lock: true,
    });
    // Reopening a completed project is the one act allowed on it: ask as if it were active.
    enforce(mayManageProject(community, membership, { ...subject, status: 'active' }));
    if (project.status === status) throw new AppError('conflict', 'projects.errors.sameStatus');
    await updateProjectStatus(tx, project.id, status);
  });
}

/**
 * Leads take someone out of the project (never its last lead). A partner taken out of their last project
 * in the community loses the project-only membership too.
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
    enforce(mayManageProject(community, membership, subject));
    const roles = await listProjectRoles(tx, project.id);
    const removed = roles.find((row) => row.userId === userId);
    if (!removed) throw new AppError('not_found', 'projects.errors.notInProject');
    if (removed.role === 'lead' && roles.filter((row) => row.role === 'lead').length <= 1)
      throw new AppError('conflict', 'projects.errors.lastLead');
    await deleteProjectMember(tx, project.id, userId);
    await deleteUnusedProjectOnlyMembership(tx, project.communityId, userId);
  });
}
