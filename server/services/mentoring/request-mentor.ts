import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayTakePartInMentoring } from '../../policies/mentoring.ts';
import { findOffer, insertPair } from '../../queries/mentoring.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

/**
 * A mentee asks a mentor (#18 §2): the mentor must offer mentoring (404 otherwise) and have a free
 * place (409 at their cap); one open request or pairing per two people (409). The request names the
 * skills they share (the mentor's, without a wish) and tells the mentor.
 */
export async function requestMentor(
  deps: ServiceDeps,
  actor: Actor,
  input: { mentorId: string; message: string },
): Promise<string> {
  enforce(mayTakePartInMentoring(actor));
  if (input.mentorId === actor.id) throw fieldError('mentorId', 'mentoring.validation.notYourself');
  return unitOfWork(deps, async (tx, outbox) => {
    const offer = await findOffer(tx, input.mentorId, 'mentor');
    if (!offer?.active) throw new AppError('not_found', 'mentoring.error.noSuchMentor');
    if (offer.cap === null || offer.activeCount >= offer.cap)
      throw new AppError('conflict', 'mentoring.error.mentorFull');
    const wish = await findOffer(tx, actor.id, 'mentee');
    const shared = wish ? offer.skills.filter((skill) => wish.skills.includes(skill)) : [];
    const id = await insertPair(tx, {
      mentorId: input.mentorId,
      menteeId: actor.id,
      skills: shared.length > 0 ? shared : offer.skills,
      message: input.message,
    });
    if (!id) throw new AppError('conflict', 'mentoring.error.alreadyAsked');
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: input.mentorId,
      kind: 'mentoring.pairing',
      title: phrase('mentoring.notify.request.title', { name: actor.displayName }),
      body: phrase('mentoring.notify.request.body', { name: actor.displayName }),
      url: `/mentoring/pairs/${id}`,
    });
    return id;
  });
}
