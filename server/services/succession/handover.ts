import type { HandoverKey } from '../../../common/succession-enums.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { handoverSide, mayTickHandover } from '../../policies/succession.ts';
import { recordMilestones } from '../../queries/milestones.ts';
import { tickHandoverItem, updateSuccession } from '../../queries/succession.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadLeadership, requireOpen } from './load-succession.ts';

/**
 * The outgoing or the new leader ticks an item of the hand-over checklist (the outgoing leader writes
 * their note with the `outgoing_note` item). When both have ticked every item, the hand-over is done:
 * the succession is handed over and the community's hand-over milestone is recorded and celebrated.
 */
export async function tickHandover(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: { key: HandoverKey; note?: string | undefined },
): Promise<{ handedOver: boolean }> {
  return unitOfWork(deps, async (tx, outbox) => {
    const loaded = await loadLeadership(tx, actor, slug, { lock: true });
    const { community, membership } = loaded;
    const { succession, subject } = requireOpen(loaded);
    enforce(mayTickHandover(actor, community, membership, subject));
    const side = handoverSide(actor, subject);
    if (side === null) return { handedOver: false };
    // The note is the outgoing leader's to write; the new leader ticks it once it is there to read.
    if (input.note !== undefined && !(input.key === 'outgoing_note' && side === 'outgoing'))
      throw fieldError('note', 'succession.validation.noteOutgoing');
    if (input.key === 'outgoing_note' && side === 'outgoing') {
      const note = input.note ?? '';
      if (note === '') throw fieldError('note', 'succession.validation.note');
      await updateSuccession(tx, succession.id, { handoverNote: note });
    }
    if (input.key === 'outgoing_note' && side === 'incoming' && !succession.handoverNote)
      throw new AppError('conflict', 'succession.errors.noteFirst');
    const missing = await tickHandoverItem(tx, succession.id, input.key, side);
    if (missing > 0) return { handedOver: false };
    await updateSuccession(tx, succession.id, { status: 'handed_over', handedOverAt: new Date() });
    await recordMilestones(tx, community.id, [{ kind: 'handover', subjectId: succession.id }]);
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      [succession.outgoingId, succession.successorId].filter((id): id is string => id !== null),
      {
        kind: 'community.membership',
        communityId: community.id,
        title: phrase('succession.notify.handedOver.title', { community: community.name }),
        body: phrase('succession.notify.handedOver.body'),
        url: `/communities/${community.slug}`,
      },
      { except: actor.id },
    );
    return { handedOver: true };
  });
}
