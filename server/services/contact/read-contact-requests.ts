import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayHandleContactRequests } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import {
  type ContactStatus,
  findContactRequest,
  listContactRequests,
} from '../../queries/contact-requests.ts';

/** The coordinators' inbox, open or done, newest first. */
export async function listContactRequestsFor(
  db: Db,
  actor: Actor,
  options: { status: ContactStatus; cursor?: string | undefined; limit: number },
) {
  enforce(mayHandleContactRequests(actor));
  return listContactRequests(db, options);
}

/** One contact request with its answers. */
export async function getContactRequest(db: Db, actor: Actor, id: string) {
  enforce(mayHandleContactRequests(actor));
  const row = await findContactRequest(db, id);
  if (!row) throw notFound('errors.notFound.contactRequest');
  return row;
}
