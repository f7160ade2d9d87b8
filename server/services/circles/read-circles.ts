import {
  type Circle,
  type CircleCalendarMeeting,
  type CircleSummary,
  circleLimits,
} from '../../../common/contracts/circles.ts';
import type { Actor } from '../../lib/actor.ts';
import {
  mayCloseCircle,
  mayCreateCircle,
  mayInviteToCircle,
  mayJoinCircle,
  mayLeaveCircle,
  mayPostInCircle,
  mayReflectOnCircle,
  mayStartCircle,
  seesAllCircles,
  seesCircleContent,
} from '../../policies/circles.ts';
import { isAllowed } from '../../policies/decision.ts';
import { listUpcomingCircleMeetings } from '../../queries/circle-calendar.ts';
import { listCirclesOfCommunity, loadCirclePage } from '../../queries/circles.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { effectiveCircleState, loadCircle, todayUtc } from './load-circle.ts';

/**
 * The circles of a community the actor may know about: all of them for its leaders and the coordinators
 * (name and purpose only), open ones for its members, and always those the actor is in or invited to.
 */
export async function listCircles(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
): Promise<{ circles: CircleSummary[]; canCreate: boolean }> {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  const rows = await listCirclesOfCommunity(db, community.id, actor.id, {
    seesAll: seesAllCircles(actor, membership),
    seesOpen: membership !== null,
  });
  const today = todayUtc();
  return {
    circles: rows.map((row) => ({ ...row, state: effectiveCircleState(row, today) })),
    canCreate: isAllowed(mayCreateCircle(actor, community, membership)),
  };
}

/** A circle's page: everything for its members; existence, purpose, time box and members for others who may know of it. */
export async function getCircle(deps: ServiceDeps, actor: Actor, circleId: string): Promise<Circle> {
  const { db } = deps.database;
  const { community, membership, circle, subject } = await loadCircle(db, actor, circleId);
  const page = await loadCirclePage(
    db,
    circle.id,
    seesCircleContent(membership, subject),
    circleLimits.postsShown,
  );
  const s = subject;
  const may = isAllowed;
  return {
    id: circle.id,
    name: circle.name,
    purpose: circle.purpose,
    startsOn: circle.startsOn,
    endsOn: circle.endsOn,
    open: circle.open,
    state: s.state,
    memberCount: s.memberCount,
    viewerStatus: s.viewerStatus,
    community: { slug: community.slug, name: community.name },
    members: page.members,
    posts: page.posts?.map((post) => ({ ...post, createdAt: post.createdAt.toISOString() })) ?? null,
    meetings:
      page.meetings?.map((meeting) => ({ ...meeting, startsAt: meeting.startsAt.toISOString() })) ?? null,
    reflections:
      page.reflections?.map((reflection) => ({
        ...reflection,
        writtenAt: reflection.writtenAt.toISOString(),
      })) ?? null,
    abilities: {
      join: may(mayJoinCircle(actor, community, membership, s)),
      leave: may(mayLeaveCircle(community, membership, s)),
      invite: may(mayInviteToCircle(community, membership, s)),
      post: may(mayPostInCircle(community, membership, s)),
      start: may(mayStartCircle(community, membership, s)),
      close: may(mayCloseCircle(community, membership, s)),
      reflect: may(mayReflectOnCircle(community, membership, s)),
    },
  };
}

/**
 * The upcoming meetings of the actor's circles, for their calendar page (#18 §3): only circles they are
 * a member of, in communities they still belong to, so nobody else's circle shows.
 */
export async function listMyCircleMeetings(
  deps: ServiceDeps,
  actor: Actor,
): Promise<CircleCalendarMeeting[]> {
  const rows = await listUpcomingCircleMeetings(deps.database.db, actor.id);
  return rows.map((row) => ({
    id: row.id,
    circle: { id: row.circleId, name: row.circleName },
    communityName: row.communityName,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    place: row.place,
  }));
}
