import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import type { Outbox } from '../unit-of-work.ts';

/**
 * Tells the people invited to a circle (#18 §3) who invited them and where to answer: an in-app
 * notification of the community's invitations, and an email if their choice says so (inside the
 * caller's unit of work, sent after the commit). The circle's name is shown to them only, who may
 * see it; the notification names nothing of its content.
 */
export async function notifyCircleInvitees(
  deps: ServiceDeps,
  db: Db,
  outbox: Outbox,
  actor: Actor,
  circle: { id: string; name: string; communityId: string },
  inviteeIds: readonly string[],
): Promise<void> {
  await notifyEach(
    db,
    outbox,
    deps.env.publicUrl,
    inviteeIds,
    {
      kind: 'community.invitation',
      title: phrase('circles.notify.invited.title', { name: actor.displayName, circle: circle.name }),
      body: phrase('circles.notify.invited.body', { name: actor.displayName, circle: circle.name }),
      url: `/circles/${circle.id}`,
      communityId: circle.communityId,
    },
    { except: actor.id },
  );
}
