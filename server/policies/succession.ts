import type { DecisionProcess, NominationStatus, SuccessionStatus } from '../../common/succession-enums.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  isActiveMember,
  isArchived,
  isLeaderRole,
  type MembershipSubject,
  writeRefusal,
} from './communities.ts';
import { allow, allowIf, conceal, type Decision, deny } from './decision.ts';

/**
 * Who may do what in leadership terms and succession (#18 §1). The Leadership tab is the community's
 * own business: its members (guests included) and the coordinators see it; everyone else gets 404.
 * A leader or co-leader steps down or starts a succession for their own place; the members (not guests)
 * nominate, object under consent and vote; the leaders and coordinators propose or choose the successor
 * and close a decision whose period has passed; the outgoing and the new leader tick the hand-over
 * checklist. An archived community or a suspension refuses every write first.
 */

export interface SuccessionSubject {
  status: SuccessionStatus;
  process: DecisionProcess;
  outgoingId: string | null;
  successorId: string | null;
  /** The objection period or the vote has ended (`closesAt` passed). */
  periodOver: boolean;
  viewerNomination: NominationStatus | null;
  viewerVoted: boolean;
  acceptedNominees: number;
}

const conflict = (message: Parameters<typeof deny>[0]) => deny(message, 'conflict');

/** A member with a say: nominated, objecting, voting. Guests take part in a community, not its leadership. */
function hasASay(membership: MembershipSubject): boolean {
  return isActiveMember(membership) && membership?.role !== 'guest';
}

function leadsOrCoordinates(actor: Actor | null, membership: MembershipSubject): boolean {
  return isCoordinator(actor) || (isActiveMember(membership) && isLeaderRole(membership?.role));
}

/** Archived, suspended, then `rule`. */
function successionWrite(
  community: CommunitySubject,
  membership: MembershipSubject,
  rule: () => Decision,
): Decision {
  if (isArchived(community) || membership?.suspended === true)
    return writeRefusal(community, 'succession.errors.membersOnly', membership);
  return rule();
}

/** The Leadership tab: the community's members and the coordinators. */
export function maySeeLeadership(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(membership !== null || isCoordinator(actor), conceal('succession.errors.notFound'));
}

/** Stepping down, or starting a succession for one's own place: a leader or co-leader. */
export function mayStartSuccession(
  community: CommunitySubject,
  membership: MembershipSubject,
  open: boolean,
): Decision {
  return successionWrite(community, membership, () => {
    if (!isLeaderRole(membership?.role)) return deny('succession.errors.leadersOnly');
    return allowIf(!open, conflict('succession.errors.alreadyOpen'));
  });
}

/** Stepping down at once: a leader or co-leader (the last leader is refused by the service, under lock). */
export function mayStepDown(community: CommunitySubject, membership: MembershipSubject): Decision {
  return successionWrite(community, membership, () =>
    allowIf(isLeaderRole(membership?.role), deny('succession.errors.leadersOnly')),
  );
}

/** Setting or renewing a leader's term: those who lead the community and the coordinators. */
export function maySetTerm(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  if (isCoordinator(actor) && !isArchived(community)) return allow;
  return successionWrite(community, membership, () =>
    allowIf(leadsOrCoordinates(actor, membership), deny('succession.errors.leadersOnly')),
  );
}

/** Nominating someone (oneself included) while nominations are open. */
export function mayNominate(
  community: CommunitySubject,
  membership: MembershipSubject,
  succession: SuccessionSubject,
): Decision {
  return successionWrite(community, membership, () => {
    if (!hasASay(membership)) return deny('succession.errors.membersOnly');
    return allowIf(succession.status === 'nominating', conflict('succession.errors.notNominating'));
  });
}

/** Accepting or declining one's nomination, while nominations are open. */
export function mayAnswerNomination(
  community: CommunitySubject,
  membership: MembershipSubject,
  succession: SuccessionSubject,
): Decision {
  return successionWrite(community, membership, () => {
    if (succession.viewerNomination === null) return deny('succession.errors.notNominated');
    return allowIf(succession.status === 'nominating', conflict('succession.errors.notNominating'));
  });
}

/**
 * The leaders' step: propose an accepted nominee (consent), open the vote, or choose the successor
 * (leaders' decision). Only while nominating, and once someone has accepted.
 */
export function mayDecideSuccession(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  succession: SuccessionSubject,
): Decision {
  return successionWrite(community, membership, () => {
    if (!leadsOrCoordinates(actor, membership)) return deny('succession.errors.leadersOnly');
    if (succession.status !== 'nominating') return conflict('succession.errors.notNominating');
    return allowIf(succession.acceptedNominees > 0, conflict('succession.errors.noAcceptedNominee'));
  });
}

/** A reasoned objection to the proposed successor, under consent, while the objection period runs. */
export function mayObject(
  community: CommunitySubject,
  membership: MembershipSubject,
  succession: SuccessionSubject,
): Decision {
  return successionWrite(community, membership, () => {
    if (!hasASay(membership)) return deny('succession.errors.membersOnly');
    const running = succession.process === 'consent' && succession.status === 'deciding';
    return allowIf(running && !succession.periodOver, conflict('succession.errors.notObjecting'));
  });
}

/** One secret vote per member, while the vote is open. */
export function mayVote(
  community: CommunitySubject,
  membership: MembershipSubject,
  succession: SuccessionSubject,
): Decision {
  return successionWrite(community, membership, () => {
    if (!hasASay(membership)) return deny('succession.errors.membersOnly');
    const running = succession.process === 'vote' && succession.status === 'deciding';
    if (!running || succession.periodOver) return conflict('succession.errors.voteClosed');
    return allowIf(!succession.viewerVoted, conflict('succession.errors.votedAlready'));
  });
}

/** Closing an objection period or a vote once it has run its time (the daily job does it too). */
export function mayCloseSuccession(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  succession: SuccessionSubject,
): Decision {
  return successionWrite(community, membership, () => {
    if (!leadsOrCoordinates(actor, membership)) return deny('succession.errors.leadersOnly');
    if (succession.status !== 'deciding') return conflict('succession.errors.notDeciding');
    return allowIf(succession.periodOver, conflict('succession.errors.periodRunning'));
  });
}

/** Calling a succession off before it is decided: the outgoing leader, the leaders, the coordinators. */
export function mayCancelSuccession(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  succession: SuccessionSubject,
): Decision {
  return successionWrite(community, membership, () => {
    if (!leadsOrCoordinates(actor, membership)) return deny('succession.errors.leadersOnly');
    const undecided = succession.status === 'nominating' || succession.status === 'deciding';
    return allowIf(undecided, conflict('succession.errors.decidedAlready'));
  });
}

/** Which side of the hand-over the actor ticks: the outgoing leader, the successor, or neither. */
export function handoverSide(
  actor: Actor | null,
  succession: Pick<SuccessionSubject, 'outgoingId' | 'successorId'>,
): 'outgoing' | 'incoming' | null {
  if (actor === null) return null;
  if (actor.id === succession.outgoingId) return 'outgoing';
  if (actor.id === succession.successorId) return 'incoming';
  return null;
}

/** Ticking a hand-over item: the outgoing and the new leader, while the hand-over is open. */
export function mayTickHandover(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  succession: SuccessionSubject,
): Decision {
  return successionWrite(community, membership, () => {
    if (handoverSide(actor, succession) === null) return deny('succession.errors.handoverOnly');
    return allowIf(succession.status === 'decided', conflict('succession.errors.noHandover'));
  });
}
