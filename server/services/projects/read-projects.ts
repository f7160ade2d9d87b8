import type { Project, ProjectSummary } from '../../../common/contracts/projects.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAllowed } from '../../policies/decision.ts';
import {
  mayCreateProject,
  mayLeaveProject,
  mayManageProject,
  mayWorkInProject,
  seesAllProjects,
} from '../../policies/projects.ts';
import { listProjectsOfCommunity, listProjectsOfMember, loadProjectPage } from '../../queries/projects.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { loadProject } from './load-project.ts';

/** A community's projects the actor may know of: all for its leaders and the coordinators, else their own. */
export async function listProjects(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
): Promise<{ projects: ProjectSummary[]; canCreate: boolean }> {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  const projects = await listProjectsOfCommunity(
    db,
    community.id,
    actor.id,
    seesAllProjects(actor, membership),
  );
  return { projects, canCreate: isAllowed(mayCreateProject(actor, community, membership)) };
}

/** The actor's own projects across communities: where a partner's navigation leads. */
export async function listMyProjects(deps: ServiceDeps, actor: Actor) {
  return listProjectsOfMember(deps.database.db, actor.id);
}

/** A project's page: goal, members, milestones, tasks and outputs, with what the viewer may do. */
export async function getProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<Project> {
  const { db } = deps.database;
  const { community, membership, project, subject } = await loadProject(db, actor, projectId);
  const page = await loadProjectPage(db, project.id);
  return {
    id: project.id,
    title: project.title,
    goal: project.goal,
    status: project.status,
    memberCount: page.members.length,
    viewerRole: subject.viewerRole,
    community: { slug: community.slug, name: community.name },
    members: page.members,
    milestones: page.milestones.map((m) => ({ ...m, doneAt: m.doneAt?.toISOString() ?? null })),
    tasks: page.tasks,
    outputs: page.outputs.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    abilities: {
      manage: isAllowed(mayManageProject(community, membership, subject)),
      work: isAllowed(mayWorkInProject(community, membership, subject)),
      leave: isAllowed(
        mayLeaveProject(community, subject, page.members.filter((m) => m.role === 'lead').length),
      ),
    },
  };
}
