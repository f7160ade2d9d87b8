import type { TermInput } from '../../../common/contracts/succession.ts';
import { successionLimits } from '../../../common/contracts/succession.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { isLeaderRole } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { maySetTerm } from '../../policies/succession.ts';
import { findCommunityForActor, lockCommunity } from '../../queries/communities.ts';
import { findMemberRole } from '../../queries/community-members.ts';
import { listCoordinatorIds } from '../../queries/coordinators.ts';
import {
  findSuccessionById,
  listDueSuccessions,
  listEndedTerms,
  listTermsToWarn,
  markTermEndedNotified,
  markTermWarned,
  upsertTerm,
} from '../../queries/succession.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { settle } from './decide.ts';
import { loadLeadership, todayUtc } from './load-succession.ts';

/**
 * Sets or renews a leader's (or co-leader's) term: those who lead the community and the coordinators.
 * A term that ends before it starts is refused by the contract; someone who does not lead, with 400.
 */
export async function setTerm(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  userId: string,
  input: TermInput,
) {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadLeadership(tx, actor, slug);
    enforce(maySetTerm(actor, community, membership));
    if (!isLeaderRole(await findMemberRole(tx, community.id, userId)))
      throw fieldError('userId', 'succession.validation.termLeader');
    await upsertTerm(tx, {
      communityId: community.id,
      userId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      renewable: input.renewable,
      setBy: actor.id,
    });
  });
}

/**
 * The daily succession job: closes objection periods and votes whose time is up, warns leaders 30 and
 * 7 days before their term ends (and suggests a succession), and tells the coordinators of a term that
 * ended without a successor (the leader stays in place, flagged). Each community in its own unit of work.
 */
export async function runSuccessionDaily(
  deps: Pick<ServiceDeps, 'database' | 'jobs'>,
  publicUrl: string,
  now = new Date(),
): Promise<{ settled: number; warned: number; ended: number }> {
  const db = deps.database.db;
  let settled = 0;
  for (const due of await listDueSuccessions(db, now)) {
    await unitOfWork(deps, async (tx, outbox) => {
      await lockCommunity(tx, due.communityId);
      const open = await findSuccessionById(tx, due.id);
      if (open?.status !== 'deciding' || !open.closesAt || open.closesAt > now) return;
      const found = await findCommunityForActor(tx, due.communityId, null);
      if (!found) return;
      await settle(tx, outbox, publicUrl, found.community, open, null);
      settled += 1;
    });
  }
  const today = todayUtc(now);
  let warned = 0;
  // The nearest warning first: a term 5 days from its end gets the 7-day warning, and the 30-day one
  // then finds it warned nearer already, so it gets one warning, not two.
  for (const days of [...successionLimits.warningDays].sort((a, b) => a - b)) {
    for (const term of await listTermsToWarn(db, today, days)) {
      await unitOfWork(deps, async (tx, outbox) => {
        await notifyUser(tx, outbox, publicUrl, {
          userId: term.userId,
          kind: 'community.membership',
          communityId: term.communityId,
          title: phrase('succession.notify.termEnding.title', { community: term.name, endsOn: term.endsOn }),
          body: phrase('succession.notify.termEnding.body'),
          url: `/communities/${term.slug}/leadership`,
        });
        await markTermWarned(tx, term.communityId, term.userId, days);
      });
      warned += 1;
    }
  }
  let ended = 0;
  const ends = await listEndedTerms(db, today);
  if (ends.length > 0) {
    const coordinators = await listCoordinatorIds(db);
    for (const term of ends) {
      await unitOfWork(deps, async (tx, outbox) => {
        await notifyEach(tx, outbox, publicUrl, [...coordinators, term.userId], {
          kind: 'community.membership',
          communityId: term.communityId,
          title: phrase('succession.notify.termEnded.title', {
            community: term.name,
            name: term.displayName,
          }),
          body: phrase('succession.notify.termEnded.body'),
          url: `/communities/${term.slug}/leadership`,
        });
        await markTermEndedNotified(tx, term.communityId, term.userId);
      });
      ended += 1;
    }
  }
  return { settled, warned, ended };
}
