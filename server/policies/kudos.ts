import type { Actor } from '../lib/actor.ts';
import {
  type CommunitySubject,
  isActiveMember,
  isArchived,
  type MembershipSubject,
  writeRefusal,
} from './communities.ts';
import { allowIf, type Decision, deny } from './decision.ts';

/**
 * Kudos (#16 §4): members of the community (not suspended from it, not while it is archived) thank
 * another person for a contribution there, never themselves; only the giver takes kudos back.
 */

export function mayGiveKudos(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  receiverId: string,
): Decision {
  if (actor !== null && actor.id === receiverId) return deny('errors.kudos.self', 'conflict');
  return allowIf(actor !== null && !isArchived(community) && isActiveMember(membership), () =>
    writeRefusal(community, 'errors.kudos.membersOnly', membership),
  );
}

export function mayWithdrawKudos(actor: Actor, kudos: { giverId: string }): Decision {
  return allowIf(actor.id === kudos.giverId, deny('errors.kudos.onlyGiver'));
}
