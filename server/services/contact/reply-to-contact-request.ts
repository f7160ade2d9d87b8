import { contactTopicMessages } from '../../../common/enums.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { translator } from '../../lib/i18n.ts';
import { mayHandleContactRequests } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import {
  findContactRequestForUpdate,
  insertContactReply,
  updateContactRequestHandler,
} from '../../queries/contact-requests.ts';
import { findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { actionEmail } from '../mail/layout.ts';
import { letterTo } from '../mail/letterhead.ts';
import { unitOfWork } from '../unit-of-work.ts';

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
  enforce(mayHandleContactRequests(actor));
  await unitOfWork(deps, async (tx, outbox) => {
    const request = await findContactRequestForUpdate(tx, id);
    if (!request) throw notFound('errors.notFound.contactRequest');
    await insertContactReply(tx, { requestId: id, authorId: actor.id, body });
    await updateContactRequestHandler(tx, id, actor.id);
    const { publicUrl } = deps.env;
    const sender = request.senderId ? await findUserById(tx, request.senderId) : undefined;
    const letter = await letterTo(tx, sender?.language);
    const t = translator(letter.locale);
    return outbox.email(
      { address: request.email, userId: request.senderId },
      await actionEmail({
        letter,
        subject: t._('email.contactReply.subject', { topic: t._(contactTopicMessages[request.topic]) }),
        greeting: t._('email.greeting.named', { name: request.name }),
        lines: [
          ...body.split(/\n{2,}/),
          t._('email.contactReply.signature', { name: actor.displayName }),
          t._('email.contactReply.quote', { message: excerpt(request.message, 500) }),
        ],
        action: { label: t._('email.contactReply.action'), url: `${publicUrl}/contact` },
      }),
    );
  });
}
