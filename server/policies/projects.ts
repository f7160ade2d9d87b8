import type { ProjectMemberRole, ProjectStatus } from '../../common/project-enums.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  isActiveLeader,
  isActiveMember,
  isArchived,
  isLeaderRole,
  type MembershipSubject,
  writeRefusal,
} from './communities.ts';
import { allow, allowIf, conceal, type Decision, deny } from './decision.ts';

/**
 * Who may do what with projects (#18 §4). A project is a private space inside a community: its members
 * (leads, members of the community, external partners) see and work in it; the community's leaders and
 * the coordinators see it to oversee it; everyone else gets 404. Members of the community (not guests)
 * start projects and become their first lead; leads add members and invite partners.
 *
 * An external partner belongs to the community only through a project-only guest membership, which the
 * membership lookup behind every community page ignores (`actorMembershipOn`), so the community's pages
 * treat them as an outsider; one who holds no other membership is `confinedToProjects` and reaches only
 * the API routes of `partnerRoutes` (every other request answers 404, in the auth hook).
 */

export interface ProjectSubject {
  status: ProjectStatus;
  /** The actor's role in the project (null: not in it). */
  viewerRole: ProjectMemberRole | null;
}

/**
 * The API routes a confined partner reaches: their account and session, their notifications, invitations,
 * and projects (where the project policy decides). Any other route, a new one included, answers 404.
 */
const partnerRoutes: readonly RegExp[] = [
  /^\/api\/auth\//,
  /^\/api\/account\//,
  /^\/api\/health(\/|$)/,
  /^\/api\/institution$/,
  /^\/api\/institution\/logo$/,
  /^\/api\/me$/,
  /^\/api\/me\/photo$/,
  /^\/api\/me\/projects$/,
  /^\/api\/me\/export(\/:token|\/link)?$/,
  /^\/api\/notifications(\/(:id\/read|preferences|read-all|unread-count))?$/,
  /^\/api\/invitations\/:token(\/(accept|decline))?$/,
  /^\/api\/unsubscribe\/:token$/,
  /^\/api\/projects\//,
];

/** Whether the route (its pattern, e.g. `/api/projects/:id`) is one an external partner may reach. */
export function isPartnerRoute(routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && partnerRoutes.some((pattern) => pattern.test(routeUrl));
}

/** A confined partner asking for anything outside their projects and account gets 404. */
export function mayPartnerReach(actor: Actor | null, routeUrl: string | undefined): Decision {
  if (!actor?.confinedToProjects || routeUrl === undefined || !routeUrl.startsWith('/api/')) return allow;
  return allowIf(isPartnerRoute(routeUrl), conceal());
}

/** Oversees the community's projects: its leaders (not suspended) and the coordinators. */
function overseesProjects(actor: Actor | null, membership: MembershipSubject): boolean {
  return isCoordinator(actor) || isActiveLeader(membership);
}

/** Sees the project: its members, the community's leaders and the coordinators. */
export function seesProject(
  actor: Actor | null,
  membership: MembershipSubject,
  project: ProjectSubject,
): boolean {
  if (actor === null) return false;
  return project.viewerRole !== null || overseesProjects(actor, membership);
}

/** Sees every project of the community in its list (others see those they are in). */
export function seesAllProjects(actor: Actor | null, membership: MembershipSubject): boolean {
  return overseesProjects(actor, membership);
}

export function maySeeProject(
  actor: Actor | null,
  membership: MembershipSubject,
  project: ProjectSubject,
): Decision {
  return allowIf(seesProject(actor, membership, project), conceal('projects.errors.notFound'));
}

/** Starting a project: a member of the community (not a guest, not suspended), or a coordinator. */
export function mayCreateProject(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const starts =
    actor !== null &&
    !isArchived(community) &&
    ((isActiveMember(membership) && membership?.role !== 'guest') || isCoordinator(actor));
  return allowIf(starts, () => writeRefusal(community, 'projects.errors.membersStart', membership));
}

/** Archived community, suspension, completed project, then `rule`. */
function projectWrite(
  community: CommunitySubject,
  membership: MembershipSubject,
  project: ProjectSubject,
  rule: () => Decision,
): Decision {
  if (isArchived(community) || membership?.suspended === true)
    return writeRefusal(community, 'projects.errors.onlyMembers', membership);
  if (project.status === 'completed') return deny('projects.errors.completed', 'conflict');
  return rule();
}

/** Leading the project: adding members, inviting partners, completing it. Its leads and the community's leaders. */
export function mayManageProject(
  community: CommunitySubject,
  membership: MembershipSubject,
  project: ProjectSubject,
): Decision {
  return projectWrite(community, membership, project, () =>
    allowIf(
      project.viewerRole === 'lead' || isLeaderRole(membership?.role),
      deny('projects.errors.onlyLeads'),
    ),
  );
}

/**
 * Leaving the project yourself: any of its members, partners included, also once it is completed; never
 * its last lead (who hands the lead to someone first), and not in an archived community (read-only).
 */
export function mayLeaveProject(
  community: CommunitySubject,
  project: ProjectSubject,
  leadCount: number,
): Decision {
  if (project.viewerRole === null) return deny('projects.errors.notInProject', 'not_found');
  if (isArchived(community)) return writeRefusal(community, 'projects.errors.onlyMembers', null);
  return allowIf(
    project.viewerRole !== 'lead' || leadCount > 1,
    deny('projects.errors.lastLead', 'conflict'),
  );
}

/** Working in the project: milestones, tasks and outputs. Any of its members, partners included. */
export function mayWorkInProject(
  community: CommunitySubject,
  membership: MembershipSubject,
  project: ProjectSubject,
): Decision {
  return projectWrite(community, membership, project, () =>
    allowIf(project.viewerRole !== null, deny('projects.errors.onlyMembers')),
  );
}
