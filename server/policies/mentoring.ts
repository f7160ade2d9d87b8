import type { MentoringPairStatus } from '../../common/enums.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import { type CommunitySubject, isActiveMember, type MembershipSubject } from './communities.ts';
import { allowIf, conceal, type Decision, deny, firstRefusal } from './decision.ts';
import { mayRecordStory } from './stories.ts';

/**
 * Who may do what in mentoring (#18 §2). Mentoring is institution-wide: every signed-in member of the
 * institution (not external people) offers, asks and is suggested. A pairing's space (its notes, its
 * meeting, its reflection) is private to the mentor and the mentee: everyone else, administrators
 * included, gets 404. Coordinators and administrators see only that a pairing exists (who, since when).
 */

export interface PairSubject {
  mentorId: string;
  menteeId: string;
  status: MentoringPairStatus;
}

const inPair = (actor: Actor, pair: PairSubject) => actor.id === pair.mentorId || actor.id === pair.menteeId;

/** Offering to mentor, asking for a mentor, seeing suggestions: members of the institution. */
export function mayTakePartInMentoring(actor: Actor): Decision {
  return allowIf(actor.kind !== 'external', () => deny('mentoring.error.institutionOnly'));
}

/** Seeing a pairing and its space: only the two. */
export function maySeePair(actor: Actor, pair: PairSubject): Decision {
  return allowIf(inPair(actor, pair), () => conceal('mentoring.error.notFound'));
}

/** Accepting or declining a request: the mentor, while it waits. */
export function mayAnswerPairRequest(actor: Actor, pair: PairSubject): Decision {
  return firstRefusal(
    maySeePair(actor, pair),
    () => allowIf(actor.id === pair.mentorId, () => deny('mentoring.error.onlyMentorAnswers')),
    () => allowIf(pair.status === 'requested', () => deny('mentoring.error.alreadyAnswered', 'conflict')),
  );
}

/** Closing (or, for a request, withdrawing): either of the two, while open. */
export function mayClosePair(actor: Actor, pair: PairSubject): Decision {
  return firstRefusal(maySeePair(actor, pair), () =>
    allowIf(pair.status === 'requested' || pair.status === 'active', () =>
      deny('mentoring.error.alreadyClosed', 'conflict'),
    ),
  );
}

/** Adding notes and setting the next meeting: either of the two, while the pairing is active. */
export function mayWriteInPair(actor: Actor, pair: PairSubject): Decision {
  return firstRefusal(maySeePair(actor, pair), () =>
    allowIf(pair.status === 'active', () => deny('mentoring.error.notActive', 'conflict')),
  );
}

/** That pairings exist (not their content): coordinators and administrators. */
export function maySeePairings(actor: Actor): Decision {
  return allowIf(isCoordinator(actor), () => deny('mentoring.error.onlyCoordinators'));
}

/** A closed pairing with its reflection and who wrote it (who closed the pairing). */
export interface ReflectionSubject extends PairSubject {
  closedBy: string | null;
  reflection: string;
}

/**
 * Turning the closing reflection into a value story (#11): who wrote it, once the pairing is closed
 * and the reflection says something. The other side sees the reflection but does not publish it.
 */
export function mayTellReflection(actor: Actor, pair: ReflectionSubject): Decision {
  return firstRefusal(
    maySeePair(actor, pair),
    () => allowIf(pair.status === 'closed', () => deny('mentoring.error.notClosed', 'conflict')),
    () => allowIf(pair.closedBy === actor.id, () => deny('mentoring.error.onlyReflectionAuthor')),
    () => allowIf(pair.reflection.trim() !== '', () => deny('mentoring.error.noReflection', 'conflict')),
  );
}

/** The community the reflection's story goes to: one where the author records stories as a member. */
export function mayTellReflectionIn(
  actor: Actor,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return firstRefusal(
    () => allowIf(isActiveMember(membership), () => deny('mentoring.error.storyMembersOnly')),
    () => mayRecordStory(actor, community, membership),
  );
}
