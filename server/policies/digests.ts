import type { Actor } from '../lib/actor.ts';
import type { MembershipSubject } from './communities.ts';
import { allowIf, type Decision, deny } from './decision.ts';

/**
 * Who may choose how a community's email reaches them (#16 §3): its members, and only for themselves.
 * A suspended member still may: a suspension stops contributing, not reading, and the choice is the
 * member's own inbox (like marking a thread read). An archived community's members may too (it sends
 * nothing new, and they may want its last news off).
 */
export function mayChooseCommunityEmail(actor: Actor | null, membership: MembershipSubject): Decision {
  if (actor === null) return deny('errors.auth.signIn', 'unauthenticated');
  return allowIf(membership !== null, deny('errors.digests.membersOnly'));
}
