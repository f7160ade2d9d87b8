import type { CircleMeetingInput } from '../../../common/contracts/circles.ts';
import { fieldError, message } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import {
  mayCloseCircle,
  mayPostInCircle,
  mayReflectOnCircle,
  mayScheduleCircleMeeting,
  mayStartCircle,
} from '../../policies/circles.ts';
import { enforce } from '../../policies/decision.ts';
import { recordActivity } from '../../queries/activity.ts';
import {
  insertCircleMeeting,
  insertCirclePost,
  updateCircleState,
  upsertCircleReflection,
} from '../../queries/circles.ts';
import type { ServiceDeps } from '../context.ts';
import { loadCircle } from './load-circle.ts';

/** A post in the circle's own discussion (its members only); logged as the member's activity. */
export async function postInCircle(
  deps: ServiceDeps,
  actor: Actor,
  circleId: string,
  body: string,
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership, circle, subject } = await loadCircle(tx, actor, circleId);
    enforce(mayPostInCircle(community, membership, subject));
    const id = await insertCirclePost(tx, { circleId: circle.id, authorId: actor.id, body });
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'circle.posted',
      subjectType: 'circle',
      subjectId: circle.id,
    });
    return id;
  });
}

/** One of the circle's own meetings, seen only on its page (never in the community's calendar or feeds). */
export async function scheduleCircleMeeting(
  deps: ServiceDeps,
  actor: Actor,
  circleId: string,
  input: CircleMeetingInput,
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership, circle, subject } = await loadCircle(tx, actor, circleId);
    enforce(mayScheduleCircleMeeting(community, membership, subject));
    // Within the time box: a meeting after the circle's last day would never be held (a circle closes
    // after it). The last day ends at midnight in the latest time zone, 14 hours after UTC's.
    const start = new Date(input.startsAt);
    if (start.getTime() >= Date.parse(`${circle.endsOn}T00:00:00Z`) + (24 + 14) * 3_600_000)
      throw fieldError('startsAt', message('circles.validation.meetingAfterEnd', { endsOn: circle.endsOn }));
    return insertCircleMeeting(tx, {
      circleId: circle.id,
      organiserId: actor.id,
      title: input.title,
      startsAt: start,
      durationMinutes: input.durationMinutes,
      place: input.place,
    });
  });
}

/** Starts a forming circle (at least three members) or closes a running one. */
export async function changeCircleState(
  deps: ServiceDeps,
  actor: Actor,
  circleId: string,
  to: 'active' | 'closed',
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, circle, subject } = await loadCircle(tx, actor, circleId, { lock: true });
    enforce(
      to === 'active'
        ? mayStartCircle(community, membership, subject)
        : mayCloseCircle(community, membership, subject),
    );
    await updateCircleState(tx, circle.id, to);
  });
}

/** A member's closing reflection, once the circle has closed; writing it again replaces it. */
export async function reflectOnCircle(
  deps: ServiceDeps,
  actor: Actor,
  circleId: string,
  body: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership, circle, subject } = await loadCircle(tx, actor, circleId);
    enforce(mayReflectOnCircle(community, membership, subject));
    await upsertCircleReflection(tx, circle.id, actor.id, body);
  });
}
