import ical from 'ical-generator';
import type { Locale } from '../../../common/i18n/locales.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { translator } from '../../lib/i18n.ts';
import { enforce, isAllowed } from '../../policies/decision.ts';
import { maySeePair, maySeePairings, mayTellReflection, mayWriteInPair } from '../../policies/mentoring.ts';
import { presentMentoringPerson, presentNote, presentPair } from '../../presenters/mentoring.ts';
import { listCommunitiesOfMember } from '../../queries/community-members.ts';
import { findPair, insertNote, listActivePairings, listNotes, updatePair } from '../../queries/mentoring.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

/**
 * A pair's private space (#18 §2): the pairing, its shared notes (either may add, Markdown) and its next
 * meeting (date, length, place, video link; an .ics file). Only the two see it (404 for everyone else,
 * administrators included); notes and the meeting are written while the pairing is active.
 */

async function loadPair(db: Db, actor: Actor, pairId: string, lock = false) {
  const pair = await findPair(db, pairId, lock);
  if (!pair) throw new AppError('not_found', 'mentoring.error.notFound');
  enforce(maySeePair(actor, pair));
  return pair;
}

/** The pairing for one of the two; who wrote its reflection also gets their communities, for its story. */
export async function getPair(deps: ServiceDeps, actor: Actor, pairId: string) {
  const db = deps.database.db;
  const pair = await loadPair(db, actor, pairId);
  const communities = isAllowed(mayTellReflection(actor, pair))
    ? await listCommunitiesOfMember(db, actor.id)
    : [];
  return presentPair(pair, actor, communities);
}

export async function listPairNotes(
  deps: ServiceDeps,
  actor: Actor,
  pairId: string,
  filter: { cursor?: string | undefined; limit: number },
) {
  await loadPair(deps.database.db, actor, pairId);
  const { page, nextCursor } = await listNotes(deps.database.db, pairId, filter);
  return { data: page.map(presentNote), nextCursor };
}

export async function addPairNote(deps: ServiceDeps, actor: Actor, pairId: string, body: string) {
  return unitOfWork(deps, async (tx) => {
    const pair = await loadPair(tx, actor, pairId, true);
    enforce(mayWriteInPair(actor, pair));
    return insertNote(tx, { pairId, authorId: actor.id, body });
  });
}

/** Sets (or, with null, clears) the next meeting; the other is told. */
export async function setPairMeeting(
  deps: ServiceDeps,
  actor: Actor,
  pairId: string,
  meeting: { startsAt: string; minutes: number; place: string; url: string | null } | null,
) {
  const startsAt = meeting ? new Date(meeting.startsAt) : null;
  if (startsAt && startsAt.getTime() < Date.now() - 86_400_000)
    throw fieldError('startsAt', 'mentoring.validation.startsInPast');
  await unitOfWork(deps, async (tx, outbox) => {
    const pair = await loadPair(tx, actor, pairId, true);
    enforce(mayWriteInPair(actor, pair));
    await updatePair(tx, pairId, {
      meetingAt: startsAt,
      meetingMinutes: meeting?.minutes ?? null,
      meetingPlace: meeting?.place ?? '',
      meetingUrl: meeting?.url ?? null,
    });
    if (!meeting) return;
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: actor.id === pair.mentorId ? pair.menteeId : pair.mentorId,
      kind: 'mentoring.pairing',
      title: phrase('mentoring.notify.meeting.title', { name: actor.displayName }),
      body: phrase('mentoring.notify.meeting.body', { name: actor.displayName }),
      url: `/mentoring/pairs/${pairId}`,
    });
  });
}

/** The next meeting as an iCalendar file for either of the two. */
export async function pairMeetingFile(deps: ServiceDeps, actor: Actor, pairId: string, locale: Locale) {
  const pair = await loadPair(deps.database.db, actor, pairId);
  if (!pair.meetingAt) throw new AppError('not_found', 'mentoring.error.noMeeting');
  const t = translator(locale);
  const start = new Date(pair.meetingAt);
  const calendar = ical({ prodId: { company: 'Copse', product: 'Copse' } });
  calendar.createEvent({
    id: `mentoring-${pair.id}@copse`,
    start,
    end: new Date(start.getTime() + (pair.meetingMinutes ?? 60) * 60_000),
    summary: t._('mentoring.ics.summary', {
      mentor: pair.mentor.displayName,
      mentee: pair.mentee.displayName,
    }),
    location: pair.meetingPlace || null,
    url: pair.meetingUrl ?? `${deps.env.publicUrl}/mentoring/pairs/${pair.id}`,
  });
  return calendar.toString();
}

/** Coordinators: the active pairings, that they exist (who, since when), never their space. */
export async function listPairingsForCoordinators(deps: ServiceDeps, actor: Actor) {
  enforce(maySeePairings(actor));
  const rows = await listActivePairings(deps.database.db);
  return rows.map((row) => ({
    id: row.id,
    mentor: presentMentoringPerson(row.mentor),
    mentee: presentMentoringPerson(row.mentee),
    since: new Date(row.since ?? 0).toISOString(),
  }));
}
