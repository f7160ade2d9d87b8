import type { PersonKind, UserRole } from '../../common/enums.ts';
import type { Actor } from '../lib/actor.ts';
import { allowIf, type Decision, deny } from './decision.ts';

/** Identity providers and the SSO-only setting are for administrators. */
export function mayManageIdentityProviders(actor: Actor | null): Decision {
  return allowIf(actor?.role === 'administrator', deny('errors.admin.onlyAdministrators'));
}

/**
 * Signing in with a password (or an emailed sign-in link). In SSO-only mode only the break-glass
 * accounts may: administrators (so a broken provider never locks the institution out) and external
 * guests (who have no account at the institution's provider).
 */
export function maySignInLocally(
  settings: { ssoOnly: boolean },
  person: { role: UserRole; kind: PersonKind },
): Decision {
  return allowIf(
    !settings.ssoOnly || person.role === 'administrator' || person.kind === 'external',
    deny('errors.sso.signInWithProvider'),
  );
}

/** Signing up with a password: in SSO-only mode only people invited by email (external guests). */
export function maySignUpLocally(settings: { ssoOnly: boolean }, invited: boolean): Decision {
  return allowIf(!settings.ssoOnly || invited, deny('errors.sso.signUpWithProvider'));
}

/** A provider signs people in only while it is enabled. */
export function maySignInWithProvider(provider: { enabled: boolean }): Decision {
  return allowIf(provider.enabled, deny('errors.sso.providerDisabled', 'not_found'));
}
