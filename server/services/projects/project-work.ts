import type { ProjectOutputInput } from '../../../common/contracts/projects.ts';
import type { ProjectTaskStatus } from '../../../common/project-enums.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayWorkInProject } from '../../policies/projects.ts';
import { recordMilestones } from '../../queries/milestones.ts';
import {
  insertProjectMilestone,
  insertProjectOutput,
  insertProjectTask,
  listProjectMemberIdsAmong,
  updateProjectMilestoneDone,
  updateProjectTaskStatus,
} from '../../queries/projects.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { saveResource } from '../toolkit/add-resource.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { type LoadedProject, loadProject } from './load-project.ts';

/** Loads the project and refuses anyone who may not work in it (partners may). */
async function projectToWorkIn(
  db: Parameters<typeof loadProject>[0],
  actor: Actor,
  projectId: string,
): Promise<LoadedProject> {
  const loaded = await loadProject(db, actor, projectId);
  enforce(mayWorkInProject(loaded.community, loaded.membership, loaded.subject));
  return loaded;
}

/** Adds a milestone with its date. */
export async function addProjectMilestone(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { title: string; dueOn: string },
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const { project } = await projectToWorkIn(tx, actor, projectId);
    return insertProjectMilestone(tx, { projectId: project.id, title: input.title, dueOn: input.dueOn });
  });
}

/** Marks a milestone reached, or not yet. */
export async function markProjectMilestone(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  milestoneId: string,
  done: boolean,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { project } = await projectToWorkIn(tx, actor, projectId);
    if (!(await updateProjectMilestoneDone(tx, project.id, milestoneId, done)))
      throw new AppError('not_found', 'projects.errors.itemNotFound');
  });
}

/** Adds a task, owned by one of the project's members (or no one yet); an owner other than its author is told. */
export async function addProjectTask(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { title: string; ownerId: string | null; dueOn: string | null },
): Promise<string> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { project } = await projectToWorkIn(tx, actor, projectId);
    if (input.ownerId && (await listProjectMemberIdsAmong(tx, project.id, [input.ownerId])).length === 0)
      throw fieldError('ownerId', 'projects.validation.owner');
    const id = await insertProjectTask(tx, {
      projectId: project.id,
      title: input.title,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      createdBy: actor.id,
    });
    if (input.ownerId && input.ownerId !== actor.id)
      await notifyUser(tx, outbox, deps.env.publicUrl, {
        userId: input.ownerId,
        kind: 'project.activity',
        title: phrase('projects.notify.task.title', { name: actor.displayName, project: project.title }),
        body: input.title,
        url: `/projects/${project.id}`,
        communityId: project.communityId,
      });
    return id;
  });
}

/** Moves a task to open or done. */
export async function setProjectTaskStatus(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  taskId: string,
  status: ProjectTaskStatus,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { project } = await projectToWorkIn(tx, actor, projectId);
    if (!(await updateProjectTaskStatus(tx, project.id, taskId, status)))
      throw new AppError('not_found', 'projects.errors.itemNotFound');
  });
}

/**
 * Records an output. A resource also joins the community's Toolkit at once (a link described by the
 * citation, or an article holding it), written by the member or partner who added it; nothing of the
 * project (its title, its goal) goes with it, since the project is private to its members while the
 * Toolkit is the community's. The community's first output is a milestone (`first_output`, recorded
 * once).
 */
export async function addProjectOutput(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: ProjectOutputInput,
): Promise<{ id: string; resourceId: string | null }> {
  return deps.database.db.transaction(async (tx) => {
    const { project } = await projectToWorkIn(tx, actor, projectId);
    const resourceId =
      input.kind === 'resource'
        ? await saveResource(tx, project.communityId, actor.id, {
            kind: input.url ? 'link' : 'article',
            title: input.title,
            description: input.url ? input.citation : '',
            topicIds: [],
            url: input.url ?? null,
            body: input.url ? '' : input.citation,
          })
        : null;
    const id = await insertProjectOutput(tx, {
      projectId: project.id,
      kind: input.kind,
      title: input.title,
      citation: input.citation,
      url: input.url ?? null,
      resourceId,
      createdBy: actor.id,
    });
    await recordMilestones(tx, project.communityId, [
      { kind: 'first_output', subjectId: resourceId ?? undefined },
    ]);
    return { id, resourceId };
  });
}
