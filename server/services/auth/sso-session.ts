import {
  findIdentityProvider,
  findSsoSession,
  listEnabledIdentityProviders,
} from '../../queries/identities.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import type { ServiceDeps } from '../context.ts';
import { endSessionUrl, providerConfiguration } from './sso-client.ts';

/** The sign-in page's choices: a button per enabled provider, and whether local sign-in is limited. */
export async function getSsoOptions(deps: ServiceDeps) {
  const { db } = deps.database;
  const [providers, settings] = await Promise.all([
    listEnabledIdentityProviders(db),
    getInstitutionSettings(db),
  ]);
  return { providers, ssoOnly: settings.ssoOnly };
}

/**
 * Single log-out: for a session that came through a provider offering an end-session endpoint, the
 * address that ends the provider's session too (with the ID token as hint). Null otherwise, and when
 * the provider cannot be reached: signing out of Copse never waits on it.
 */
export async function findEndSessionUrl(deps: ServiceDeps, sessionId: string): Promise<string | null> {
  const { db } = deps.database;
  const sso = await findSsoSession(db, sessionId);
  if (!sso) return null;
  const provider = await findIdentityProvider(db, sso.providerId);
  if (!provider) return null;
  try {
    return endSessionUrl(await providerConfiguration(deps, provider), sso.idToken, deps.env.publicUrl);
  } catch {
    return null;
  }
}
