import type { PingResultsVisibility } from '../../common/enums.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import { answerDecision, leadsAsking } from './asking.ts';
import {
  type CommunitySubject,
  isActiveLeader,
  isArchived,
  isLeaderRole,
  type MembershipSubject,
  writeRefusal,
} from './communities.ts';
import { allowIf, conceal, type Decision, deny } from './decision.ts';

/**
 * Who may do what with Pings (#16 §1). Leaders and co-leaders of the community (not suspended from it)
 * and coordinators send and manage them; a Ping is seen by its recipients and by those who manage it,
 * and is gone (404) for everyone else; recipients who are active members answer while it is open.
 */

export interface PingSubject {
  open: boolean;
  anonymous: boolean;
  resultsVisibility: PingResultsVisibility;
  /** The actor is one of the Ping's recipients, and has answered it. */
  addressed: boolean;
  answered: boolean;
}

/** Sending a Ping to some or all of the community's members. */
export function mayCreatePing(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(leadsAsking(actor, community, membership), () =>
    writeRefusal(community, 'errors.pings.onlyLeaders', membership),
  );
}

/** Seeing a Ping: its recipients, and the community's leaders and the coordinators (even archived). */
export function maySeePing(
  actor: Actor | null,
  membership: MembershipSubject,
  ping: Pick<PingSubject, 'addressed'>,
): Decision {
  const sees = actor !== null && (ping.addressed || isLeaderRole(membership?.role) || isCoordinator(actor));
  return allowIf(sees, conceal('errors.notFound.ping'));
}

/** Closing early and extending. */
export function mayManagePing(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return mayCreatePing(actor, community, membership);
}

/**
 * Answering (and changing an answer): a recipient who is an active member, while the Ping is open;
 * an anonymous answer is final.
 */
export function mayAnswerPing(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  ping: PingSubject,
): Decision {
  return answerDecision(
    actor,
    community,
    membership,
    { asked: ping.addressed, open: ping.open, anonymous: ping.anonymous, answered: ping.answered },
    {
      notAsked: 'errors.pings.notAddressed',
      closed: 'errors.pings.closed',
      anonymousFinal: 'errors.pings.anonymousFinal',
    },
  );
}

/**
 * Whether the actor sees the results now: those who manage the Ping always; recipients once they have
 * answered (live results) or once it has closed. (Anonymous results also wait for five answers.)
 */
export function seesPingResults(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  ping: PingSubject,
): boolean {
  if (actor === null) return false;
  if (isLeaderRole(membership?.role) || isCoordinator(actor)) return true;
  if (!ping.addressed) return false;
  if (!ping.open) return true;
  return ping.resultsVisibility === 'live' && ping.answered && !isArchived(community);
}

/**
 * The CSV export of the answers: the community's active leaders and the coordinators, also once the
 * community is archived (it only reads).
 */
export function mayExportPing(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(actor !== null && (isActiveLeader(membership) || isCoordinator(actor)), () =>
    deny(membership?.suspended === true ? 'errors.communities.suspended' : 'errors.pings.onlyLeaders'),
  );
}
