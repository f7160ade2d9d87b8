import type { Db } from '../../db/client.ts';
import { authorize, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { canHandleContactRequests } from '../../policies/communities.ts';
import {
  type ContactStatus,
  findContactRequest,
  listContactRequests,
} from '../../queries/contact-requests.ts';

export const onlyCoordinators = { message: 'errors.contact.onlyCoordinators' } as const;

/** The coordinators' inbox, open or done, newest first. */
export async function listContactRequestsFor(
  db: Db,
  actor: Actor,
  options: { status: ContactStatus; cursor?: string | undefined; limit: number },
) {
  authorize(canHandleContactRequests(actor), onlyCoordinators);
  return listContactRequests(db, options);
}

/** One contact request with its answers. */
export async function getContactRequest(db: Db, actor: Actor, id: string) {
  authorize(canHandleContactRequests(actor), onlyCoordinators);
  const row = await findContactRequest(db, id);
  if (!row) throw notFound('errors.notFound.contactRequest');
  return row;
}
