import type { CircleState } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { type CircleSubject, maySeeCircle } from '../../policies/circles.ts';
import { enforce } from '../../policies/decision.ts';
import { type CircleRow, findCircle, lockCircle } from '../../queries/circles.ts';
import type { CommunityForActor } from '../../queries/communities.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';

/** Today as YYYY-MM-DD (UTC), the day time boxes are compared with. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A circle's state as people see it: closed also once its end date has passed. */
export function effectiveCircleState(
  row: Pick<CircleRow, 'state' | 'endsOn'>,
  today = todayUtc(),
): CircleState {
  return row.state !== 'closed' && row.endsOn < today ? 'closed' : row.state;
}

export interface LoadedCircle extends CommunityForActor {
  circle: CircleRow;
  subject: CircleSubject;
}

/**
 * Loads a circle the actor may know about (404 otherwise, also when its community is hidden from them).
 * With `lock` (inside a transaction), the circle's row is locked first and everything re-read after it,
 * so concurrent joins are counted one after the other.
 */
export async function loadCircle(
  db: Db,
  actor: Actor,
  circleId: string,
  options: { lock?: boolean } = {},
): Promise<LoadedCircle> {
  if (options.lock) await lockCircle(db, circleId);
  const found = await findCircle(db, circleId, actor.id);
  if (!found) throw new AppError('not_found', 'circles.errors.notFound');
  const community = await loadVisibleCommunity(db, actor, found.circle.communityId);
  const subject: CircleSubject = {
    state: effectiveCircleState(found.circle),
    open: found.circle.open,
    memberCount: found.memberCount,
    viewerStatus: found.viewerStatus,
  };
  enforce(maySeeCircle(actor, community.membership, subject));
  return { ...community, circle: found.circle, subject };
}
