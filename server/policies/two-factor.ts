import type { UserRole } from '../../common/enums.ts';
import type { Actor } from '../lib/actor.ts';
import { mayAdministerInstitution } from './administration.ts';
import { allowIf, type Decision, deny, firstRefusal } from './decision.ts';

/**
 * Roles that must sign in with a second factor when they sign in locally (password or sign-in link):
 * administrators and coordinators, whose sessions can change what many people see. Single sign-on
 * sign-ins are exempt (the identity provider is trusted to apply its own).
 */
export function isTwoFactorRequired(role: UserRole): boolean {
  return role === 'administrator' || role === 'coordinator';
}

/** Anyone signed in may turn two-factor off, unless their role requires it. */
export function mayTurnOffTwoFactor(actor: Actor | null): Decision {
  return firstRefusal(allowIf(actor !== null, deny('errors.auth.signIn', 'unauthenticated')), () =>
    allowIf(!actor || !isTwoFactorRequired(actor.role), deny('errors.twoFactor.requiredForRole', 'conflict')),
  );
}

/**
 * Administrators reset someone's two-factor (a lost phone), never their own: theirs they turn off or
 * set up again themselves, with a code.
 */
export function mayResetTwoFactor(actor: Actor | null, target: { id: string }): Decision {
  return firstRefusal(
    mayAdministerInstitution(actor),
    allowIf(actor?.id !== target.id, deny('errors.twoFactor.notYourOwnReset')),
  );
}
