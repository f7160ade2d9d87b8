import type { ErrorText } from '../errors.ts';
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
import { allow, type Decision, deny } from './decision.ts';

/**
 * The rules Pings (#16 §1) and check-ins (#16 §2) share: leaders ask the members a question, the members
 * answer. Each keeps its own words for a refusal.
 */

/** Asks the community's questions: an active leader or co-leader, or a coordinator; not while archived. */
export function leadsAsking(actor: Actor | null, community: CommunitySubject, membership: MembershipSubject) {
  return actor !== null && !isArchived(community) && (isActiveLeader(membership) || isCoordinator(actor));
}

/** Oversees the questions asked (every one, response rates, results): leaders (suspended ones reading) and coordinators. */
export function overseesAsking(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (isLeaderRole(membership?.role) || isCoordinator(actor));
}

/**
 * Answering (and changing a named answer): someone it was asked of who is an active member, while it is
 * open; an anonymous answer is final.
 */
export function answerDecision(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  question: { asked: boolean; open: boolean; anonymous: boolean; answered: boolean },
  messages: { notAsked: ErrorText; closed: ErrorText; anonymousFinal: ErrorText },
): Decision {
  if (actor === null) return deny('errors.auth.signIn', 'unauthenticated');
  if (!question.asked || !isActiveMember(membership))
    return writeRefusal(community, messages.notAsked, membership);
  if (isArchived(community)) return writeRefusal(community, messages.notAsked);
  if (!question.open) return deny(messages.closed, 'conflict');
  if (question.anonymous && question.answered) return deny(messages.anonymousFinal, 'conflict');
  return allow;
}
