import { eq } from 'drizzle-orm';
import { contactTopicLabels } from '../../../common/enums.ts';
import { contactReplies, contactRequests } from '../../db/schema/index.ts';
import { authorize, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { canHandleContactRequests } from '../../policies/communities.ts';
import { findContactRequestForUpdate } from '../../queries/contact-requests.ts';
import type { ServiceDeps } from '../context.ts';
import { dispatchEmails, queueEmail } from '../mail/outbox.ts';
import { actionEmail } from '../mail/templates.ts';

import { onlyCoordinators } from './read-contact-requests.ts';

/**
 * A coordinator answers a contact request: the answer is emailed to the sender (whatever their
 * notification settings: they asked) and kept with the request, which the coordinator now handles.
 */
export async function replyToContactRequest(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: string,
): Promise<void> {
  authorize(canHandleContactRequests(actor), onlyCoordinators);
  const messageId = await deps.database.db.transaction(async (tx) => {
    const request = await findContactRequestForUpdate(tx, id);
    if (!request) throw notFound('errors.notFound.contactRequest');
    await tx.insert(contactReplies).values({ requestId: id, authorId: actor.id, body });
    await tx.update(contactRequests).set({ handledBy: actor.id }).where(eq(contactRequests.id, id));
    const { publicUrl } = deps.env;
    return queueEmail(
      tx,
      { address: request.email, userId: request.senderId },
      actionEmail({
        subject: `Re: ${contactTopicLabels[request.topic]}`,
        greeting: `Hello ${request.name},`,
        lines: [
          ...body.split(/\n{2,}/),
          `— ${actor.displayName}, for the coordinators`,
          `You wrote: “${excerpt(request.message, 500)}”`,
        ],
        action: { label: 'Write to the coordinators again', url: `${publicUrl}/contact` },
      }),
    );
  });
  await dispatchEmails(deps.jobs, [messageId]);
}
