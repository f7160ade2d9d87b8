import type { ChangeProjectInput, CreateProjectInput } from '../../../common/contracts/projects.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCreateProject, mayManageProject } from '../../policies/projects.ts';
import { insertProject, updateProject, upsertProjectMembers } from '../../queries/projects.ts';
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

/**
 * Leads rename the project, reword its goal, complete it or take it up again. A completed project is
 * read-only: taking it up again is the one change it takes (with a new title or goal at once, if sent).
 */
export async function changeProject(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: ChangeProjectInput,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, project, subject } = await loadProject(tx, actor, projectId, {
      lock: true,
    });
    const reopening = input.status === 'active' && project.status === 'completed';
    enforce(mayManageProject(community, membership, reopening ? { ...subject, status: 'active' } : subject));
    const rewording = input.title !== undefined || input.goal !== undefined;
    if (input.status === project.status && !rewording)
      throw new AppError('conflict', 'projects.errors.sameStatus');
    await updateProject(tx, project.id, input);
  });
}
