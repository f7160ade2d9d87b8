import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeProject, type ProjectSubject } from '../../policies/projects.ts';
import { type CommunityForActor, findCommunityForActor } from '../../queries/communities.ts';
import { findProject, lockProject, type ProjectRow } from '../../queries/projects.ts';

export interface LoadedProject extends CommunityForActor {
  project: ProjectRow;
  subject: ProjectSubject;
}

/**
 * Loads a project the actor may see (404 otherwise). The project policy alone decides: a partner sees
 * the project though the community itself stays hidden from them. With `lock` (inside a transaction)
 * the project's row is locked first.
 */
export async function loadProject(
  db: Db,
  actor: Actor,
  projectId: string,
  options: { lock?: boolean } = {},
): Promise<LoadedProject> {
  if (options.lock) await lockProject(db, projectId);
  const found = await findProject(db, projectId, actor.id);
  if (!found) throw new AppError('not_found', 'projects.errors.notFound');
  const community = await findCommunityForActor(db, found.project.communityId, actor.id);
  if (!community) throw new AppError('not_found', 'projects.errors.notFound');
  const subject: ProjectSubject = { status: found.project.status, viewerRole: found.viewerRole };
  enforce(maySeeProject(actor, community.membership, subject));
  return { ...community, project: found.project, subject };
}
