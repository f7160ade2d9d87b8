import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayHandleContactRequests } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import {
  type ContactStatus,
  findContactRequestForUpdate,
  updateContactRequestStatus,
} from '../../queries/contact-requests.ts';
import type { ServiceDeps } from '../context.ts';

/**
 * A coordinator marks a contact request done (it leaves the open inbox) or reopens it. Doing either
 * twice is a conflict, so two coordinators do not both think they closed it.
 */
export async function setContactRequestStatus(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  status: ContactStatus,
): Promise<void> {
  enforce(mayHandleContactRequests(actor));
  await deps.database.db.transaction(async (tx) => {
    const request = await findContactRequestForUpdate(tx, id);
    if (!request) throw notFound('errors.notFound.contactRequest');
    if (request.status === status)
      throw new AppError(
        'conflict',
        status === 'done' ? 'errors.contact.alreadyDone' : 'errors.contact.alreadyOpen',
      );
    await updateContactRequestStatus(tx, id, status, actor.id);
  });
}
