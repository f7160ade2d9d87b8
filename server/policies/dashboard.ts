import { type Actor, isCoordinator } from '../lib/actor.ts';
import { type CommunitySubject, type MembershipSubject, seesCommunity } from './communities.ts';
import { allowIf, conceal, type Decision, deny } from './decision.ts';

/**
 * Who sees a community's health dashboard and the coordinators' portfolio (#17 §1, §4): the
 * community's leaders, co-leaders and sponsors (even while suspended: reading only) and the
 * coordinators and administrators see the whole dashboard; its members see a summary; anyone else
 * who can see the community is refused, and those who cannot see it get 404.
 */

const overseeingRoles: ReadonlySet<string> = new Set(['leader', 'co_leader', 'sponsor']);

/** Oversees the community's figures: a leader, co-leader or sponsor of it, or a coordinator. */
export function overseesCommunityFigures(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (isCoordinator(actor) || overseeingRoles.has(membership?.role ?? ''));
}

/** The whole dashboard: splits, series, rounds, the previous period, CSV export. */
export function mayViewCommunityDashboard(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  if (actor === null) return deny('errors.auth.signIn', 'unauthenticated');
  if (!seesCommunity(actor, community, membership)) return conceal('errors.notFound.community');
  return allowIf(overseesCommunityFigures(actor, membership), deny('dashboard.errors.onlyLeaders'));
}

/** The summary a member sees (the overseers see it too, as part of the whole). */
export function mayViewDashboardSummary(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  if (actor === null) return deny('errors.auth.signIn', 'unauthenticated');
  if (!seesCommunity(actor, community, membership)) return conceal('errors.notFound.community');
  // Members suspended from the community still read what members read.
  return allowIf(
    overseesCommunityFigures(actor, membership) || membership !== null,
    deny('dashboard.errors.onlyMembers'),
  );
}

/** The portfolio of every community, its CSV and the term report: coordinators and administrators. */
export function mayViewPortfolio(actor: Actor | null): Decision {
  if (actor === null) return deny('errors.auth.signIn', 'unauthenticated');
  return allowIf(isCoordinator(actor), deny('dashboard.errors.onlyCoordinators'));
}

/** Changing the portfolio's rules (dormant, growing): administrators. */
export function mayChangeDashboardRules(actor: Actor | null): Decision {
  if (actor === null) return deny('errors.auth.signIn', 'unauthenticated');
  return allowIf(actor.role === 'administrator', deny('dashboard.errors.onlyAdministrators'));
}
