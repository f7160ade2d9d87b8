import type { Db } from '../../db/client.ts';
import { listCoordinatorIds } from '../../queries/coordinators.ts';
import { listCommunitiesLedOnlyBy } from '../../queries/succession.ts';
import { type NotificationText, notifyEach, phrase } from '../notifications/notify.ts';
import type { Outbox } from '../unit-of-work.ts';

/**
 * Tells the coordinators of each community a suspension leaves without a leader (#18 §1): call inside
 * the unit of work that suspends `userId`, before or after the change (the person is left out either
 * way). The portfolio flags such a community as leaderless. `body` replaces the suspension's words
 * (an erasure says the account was deleted, without the name).
 */
export async function tellCoordinatorsOfLeaderless(
  db: Db,
  outbox: Outbox,
  publicUrl: string,
  userId: string,
  name: string,
  body?: NotificationText,
): Promise<void> {
  const communities = await listCommunitiesLedOnlyBy(db, userId);
  if (communities.length === 0) return;
  const coordinators = await listCoordinatorIds(db);
  for (const community of communities)
    await notifyEach(db, outbox, publicUrl, coordinators, {
      kind: 'community.membership',
      communityId: community.id,
      title: phrase('succession.notify.leaderless.title', { community: community.name }),
      body: body ?? phrase('succession.notify.leaderless.body', { name }),
      url: `/communities/${community.slug}/leadership`,
    });
}
