import type { MentoringOfferInput, MyMentoring } from '../../../common/contracts/mentoring.ts';
import type { MentoringSide } from '../../../common/enums.ts';
import { fieldError, message } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayTakePartInMentoring } from '../../policies/mentoring.ts';
import { presentOffer, presentPairSummary } from '../../presenters/mentoring.ts';
import {
  deleteOffer,
  listExpertiseSkills,
  listOffersOf,
  listPairsOf,
  lockOffer,
  upsertOffer,
} from '../../queries/mentoring.ts';
import type { ServiceDeps } from '../context.ts';
import { refuseUnknownSkills } from '../skills.ts';
import { unitOfWork } from '../unit-of-work.ts';

/**
 * A member's offer to mentor or wish for a mentor (#18 §2): named skills that someone in the
 * institution has as expertise (an unknown one is refused by name), availability, and for mentors a
 * cap of 1–10 mentees (not below the mentees they have now).
 */
export async function saveOffer(
  deps: ServiceDeps,
  actor: Actor,
  side: MentoringSide,
  input: MentoringOfferInput,
) {
  enforce(mayTakePartInMentoring(actor));
  if (side === 'mentor' && input.cap === undefined) throw fieldError('cap', 'mentoring.validation.cap');
  const skills = [...new Set(input.skills)];
  await unitOfWork(deps, async (tx) => {
    await refuseUnknownSkills(tx, skills);
    const current = await lockOffer(tx, actor.id, side);
    const cap = side === 'mentor' ? (input.cap ?? null) : null;
    if (current && cap !== null && cap < current.activeCount)
      throw fieldError(
        'cap',
        message('mentoring.validation.capBelowMentees', { count: current.activeCount }),
      );
    await upsertOffer(tx, {
      userId: actor.id,
      side,
      skills,
      availability: input.availability,
      weekly: [...new Set(input.weekly)],
      cap,
      active: input.active,
    });
  });
}

/** Withdrawing an offer or wish (pairings go on; a mentor with mentees pauses instead). */
export async function removeOffer(deps: ServiceDeps, actor: Actor, side: MentoringSide) {
  enforce(mayTakePartInMentoring(actor));
  await unitOfWork(deps, async (tx) => {
    const current = await lockOffer(tx, actor.id, side);
    if (current && current.activeCount > 0)
      throw fieldError('side', 'mentoring.error.hasMentees', 'conflict');
    await deleteOffer(tx, actor.id, side);
  });
}

/** The member's offers and pairings. */
export async function getMyMentoring(deps: ServiceDeps, actor: Actor): Promise<MyMentoring> {
  const db = deps.database.db;
  const offers = await listOffersOf(db, actor.id);
  const pairs = await listPairsOf(db, actor.id);
  const of = (side: MentoringSide) => {
    const row = offers.find((offer) => offer.side === side);
    return row ? presentOffer(row) : null;
  };
  return {
    mentor: of('mentor'),
    mentee: of('mentee'),
    pairs: pairs.map((row) => presentPairSummary(row, actor.id)),
  };
}

/** The skills to choose from: the expertise tags people have. */
export async function listMentoringSkills(deps: ServiceDeps, actor: Actor) {
  enforce(mayTakePartInMentoring(actor));
  return listExpertiseSkills(deps.database.db);
}
