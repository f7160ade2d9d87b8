import type { ContactTopic } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { insertContactRequest } from '../../queries/contact-requests.ts';
import { listCoordinatorIds } from '../../queries/coordinators.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

export interface NewContactRequest {
  topic: ContactTopic;
  message: string;
  /** Required when signed out; a signed-in person is answered at their account's address. */
  name?: string | undefined;
  email?: string | undefined;
}

export const contactRequestUrl = (id: string) => `/coordination/inbox/${id}`;

/**
 * "Get in touch": anyone writes to the coordinators, who each hear of it (coordinators and
 * administrators, in the app and by email). Signed-out senders give a name and an email address to be
 * answered at. Returns the request's id.
 */
export async function sendContactRequest(
  deps: ServiceDeps,
  actor: Actor | null,
  input: NewContactRequest,
): Promise<string> {
  const name = actor?.displayName ?? input.name;
  const email = actor?.email ?? input.email;
  if (!name || !email) {
    const fields: Record<string, MessageId> = {};
    if (!name) fields.name = 'errors.contact.nameRequired';
    if (!email) fields.email = 'errors.contact.emailRequired';
    const text = name
      ? 'errors.contact.emailRequired'
      : email
        ? 'errors.contact.nameRequired'
        : 'errors.contact.nameAndEmailRequired';
    throw new AppError('validation_failed', text, fields);
  }
  return unitOfWork(deps, async (tx, outbox) => {
    const request = await insertContactRequest(tx, {
      senderId: actor?.id ?? null,
      name,
      email,
      topic: input.topic,
      message: input.message,
    });
    if (!request) throw new Error('the contact request was not saved');
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      await listCoordinatorIds(tx),
      {
        kind: 'coordinator.contact',
        title: phrase('notify.contact.request.title', { topic: input.topic }),
        body: phrase('notify.contact.request.body', { name, email, message: excerpt(input.message) }),
        url: contactRequestUrl(request.id),
      },
      actor ? { except: actor.id } : {},
    );
    return request.id;
  });
}
