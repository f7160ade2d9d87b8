import type { MentoringSide } from '../../common/enums.ts';
import { renderMarkdown } from '../../common/markdown.ts';
import type { Actor } from '../lib/actor.ts';
import { isAllowed } from '../policies/decision.ts';
import {
  mayAnswerPairRequest,
  mayClosePair,
  mayTellReflection,
  mayWriteInPair,
} from '../policies/mentoring.ts';
import type { MentoringOfferRow, PairRow, PersonRef } from '../queries/mentoring.ts';

/** Mentoring as the API shows it (#18 §2): by allow-list, never another pair's space. */

export function presentMentoringPerson(person: PersonRef) {
  const version = new Date(person.updatedAt).getTime();
  return {
    id: person.id,
    displayName: person.displayName,
    unit: person.unit,
    photoUrl: person.photoPath ? `/api/people/${person.id}/photo?v=${version}` : null,
  };
}

export function presentOffer(row: MentoringOfferRow) {
  return {
    side: row.side,
    skills: row.skills,
    availability: row.availability,
    weekly: row.weekly,
    cap: row.cap,
    activeCount: row.activeCount,
    active: row.active,
  };
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** A pairing in a list, for one of the two. */
export function presentPairSummary(row: PairRow, readerId: string) {
  const myRole: MentoringSide = row.mentorId === readerId ? 'mentor' : 'mentee';
  return {
    id: row.id,
    status: row.status,
    myRole,
    mentor: presentMentoringPerson(row.mentor),
    mentee: presentMentoringPerson(row.mentee),
    skills: row.skills,
    message: row.message,
    requestedAt: new Date(row.requestedAt).toISOString(),
    answeredAt: iso(row.answeredAt),
    closedAt: iso(row.closedAt),
    meeting:
      row.meetingAt === null
        ? null
        : {
            startsAt: new Date(row.meetingAt).toISOString(),
            minutes: row.meetingMinutes ?? 60,
            place: row.meetingPlace,
            url: row.meetingUrl,
          },
  };
}

/**
 * A pairing's space, for one of the two, with what they may do; `storyCommunities` are where the
 * reader may put a story made of the reflection (given only when they may).
 */
export function presentPair(
  row: PairRow,
  actor: Actor,
  storyCommunities: { slug: string; name: string }[] = [],
) {
  const tellStory = isAllowed(mayTellReflection(actor, row));
  return {
    ...presentPairSummary(row, actor.id),
    reflection: row.reflection,
    abilities: {
      accept: isAllowed(mayAnswerPairRequest(actor, row)),
      close: isAllowed(mayClosePair(actor, row)),
      write: isAllowed(mayWriteInPair(actor, row)),
      tellStory,
    },
    storyCommunities: tellStory
      ? storyCommunities.map((community) => ({ slug: community.slug, name: community.name }))
      : [],
  };
}

export function presentNote(row: { id: string; body: string; createdAt: Date; author: PersonRef | null }) {
  return {
    id: row.id,
    author: row.author ? presentMentoringPerson(row.author) : null,
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    createdAt: row.createdAt.toISOString(),
  };
}
