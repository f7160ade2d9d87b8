import type { Actor } from '../lib/actor.ts';
import { allowIf, type Decision, deny, firstRefusal } from './decision.ts';

/**
 * A signed-in person erases their own account, unless they are the installation's last active
 * administrator (someone must remain to run it: they hand the role on first).
 */
export function mayEraseOwnAccount(actor: Actor | null, facts: { otherAdministrators: number }): Decision {
  return firstRefusal(
    allowIf(actor !== null, deny('errors.auth.signIn', 'unauthenticated')),
    allowIf(
      actor?.role !== 'administrator' || facts.otherAdministrators > 0,
      deny('errors.erasure.lastAdministrator', 'conflict'),
    ),
  );
}
