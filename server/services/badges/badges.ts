import type { BadgeList } from '../../../common/contracts/badges.ts';
import type { BadgeKind } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayBrowsePeople } from '../../policies/people.ts';
import { type BadgeAward, insertBadges, listBadgesOf } from '../../queries/badges.ts';
import { findProfileById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import type { Outbox } from '../unit-of-work.ts';

const earnedMessages: Record<BadgeKind, MessageId> = {
  first_post: 'notify.badge.first_post',
  first_helpful_answer: 'notify.badge.first_helpful_answer',
  resource_used_25: 'notify.badge.resource_used_25',
  hosted_three_meetings: 'notify.badge.hosted_three_meetings',
};

/**
 * Tells members of badges they have just earned (the rows `insertBadges` or `insertHostBadgeIfEarned`
 * answered as new), inside the caller's unit of work: an in-app notification each, by email only for
 * those who asked for badges by email.
 */
export async function tellBadgesEarned(
  tx: Db,
  outbox: Outbox,
  publicUrl: string,
  community: { name: string },
  earned: readonly BadgeAward[],
): Promise<void> {
  for (const badge of earned) {
    await notifyUser(tx, outbox, publicUrl, {
      userId: badge.userId,
      kind: 'community.badge',
      communityId: badge.communityId,
      title: phrase(earnedMessages[badge.kind], { community: community.name }),
      body: '',
      url: `/people/${badge.userId}`,
    });
  }
}

/** Records badges just earned and tells their members, in the caller's unit of work. */
export async function awardBadges(
  tx: Db,
  outbox: Outbox,
  publicUrl: string,
  community: { id: string; name: string },
  awards: readonly Omit<BadgeAward, 'communityId'>[],
): Promise<void> {
  const earned = await insertBadges(
    tx,
    awards.map((award) => ({ ...award, communityId: community.id })),
  );
  await tellBadgesEarned(tx, outbox, publicUrl, community, earned);
}

/**
 * A member's badges on their profile, in the communities the viewer may see. Someone who hides their
 * badges shows none to others; they still see their own.
 */
export async function getBadges(deps: ServiceDeps, actor: Actor, personId: string): Promise<BadgeList> {
  enforce(mayBrowsePeople(actor));
  const db = deps.database.db;
  const profile = await findProfileById(db, personId);
  if (!profile || profile.user.suspendedAt) throw notFound('errors.notFound.person');
  const shown = profile.user.showBadges;
  if (!shown && actor.id !== personId) return { shown, badges: [] };
  const rows = await listBadgesOf(db, personId, actor);
  return {
    shown,
    badges: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      earnedAt: row.earnedAt.toISOString(),
      community: row.community,
    })),
  };
}
