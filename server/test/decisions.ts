import type { PersonKind } from '../../common/enums.ts';
import type { MessageId } from '../../common/i18n/message-id.ts';
import type { Actor } from '../lib/actor.ts';
import type { CommunitySubject, MembershipSubject } from '../policies/communities.ts';
import type { Decision, RefusalCode } from '../policies/decision.ts';

/**
 * The shared parts of the policy tables (server/policies/*.test.ts): actors, communities and
 * memberships, and the expected decisions written out as the API answers them (not built with the
 * policy module's own helpers).
 */

export const person = (role: Actor['role'], id = 'a', kind: PersonKind = 'staff'): Actor => ({
  id,
  role,
  email: `${id}@x.test`,
  displayName: id,
  kind,
  sessionId: 's',
});

export const active: CommunitySubject = { visibility: 'institution', stage: 'maturing', joinPolicy: 'open' };
export const archived: CommunitySubject = { ...active, stage: 'archived' };

export const leader: MembershipSubject = { role: 'leader' };
export const coLeader: MembershipSubject = { role: 'co_leader' };
export const sponsor: MembershipSubject = { role: 'sponsor' };
export const member: MembershipSubject = { role: 'member' };
export const guest: MembershipSubject = { role: 'guest' };
export const suspendedMember: MembershipSubject = { role: 'member', suspended: true };
export const suspendedLeader: MembershipSubject = { role: 'co_leader', suspended: true };

export const allowed: Decision = { allowed: true };

/** A refusal as the API answers it: the code (403 unless said) and the message id. */
export function refused(message: MessageId, code: RefusalCode = 'forbidden'): Decision {
  return { allowed: false, code, message };
}

/** The refusals every write in a community can meet before its own rule. */
export const archivedRefusal = refused('errors.communities.archived');
export const suspendedRefusal = refused('errors.communities.suspended');

/** One row of a table: who asks, in which community, as what member, and what they are answered. */
export type Row<Community extends CommunitySubject = CommunitySubject> = [
  name: string,
  actor: Actor | null,
  community: Community,
  membership: MembershipSubject,
  expected: Decision,
];
