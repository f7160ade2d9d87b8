import * as oidc from 'openid-client';
import { secretKey, unseal } from '../../lib/secret-box.ts';
import type { IdentityProviderRow } from '../../queries/identities.ts';
import type { ServiceDeps } from '../context.ts';

/** Where every provider sends people back: one address to register, the provider is known from the state. */
export function ssoRedirectUri(publicUrl: string): string {
  return `${publicUrl}/api/auth/sso/callback`;
}

/** Where a provider sends people after single log-out. */
export function ssoPostLogoutUri(publicUrl: string): string {
  return `${publicUrl}/signin`;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
const cacheMs = 10 * 60_000;
const configurations = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/**
 * The relying-party configuration of a provider: its discovery document fetched and kept for ten
 * minutes per process (a changed provider row is a new key). ID token signatures are always checked
 * against the provider's keys (`enableNonRepudiationChecks`), not only trusted because they came over
 * TLS. Plain http is allowed for loopback issuers only (a provider on the same machine, the tests).
 */
export function providerConfiguration(
  deps: ServiceDeps,
  provider: IdentityProviderRow,
): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.updatedAt.getTime()}`;
  const known = configurations.get(key);
  if (known && Date.now() - known.at < cacheMs) return known.config;
  const issuer = new URL(provider.issuer);
  const insecure = issuer.protocol === 'http:' && loopbackHosts.has(issuer.hostname);
  const secret = unseal(secretKey(deps.env), provider.clientSecretSealed);
  const config = oidc.discovery(issuer, provider.clientId, secret, undefined, {
    timeout: 10,
    execute: insecure
      ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks]
      : [oidc.enableNonRepudiationChecks],
  });
  for (const [old, entry] of configurations) {
    if (old.startsWith(`${provider.id}:`) || Date.now() - entry.at >= cacheMs) configurations.delete(old);
  }
  configurations.set(key, { at: Date.now(), config });
  // A failed discovery is not kept: the next sign-in tries again.
  config.catch(() => configurations.delete(key));
  return config;
}

/** What the provider says about the person, once every check passed. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  idToken: string;
  claims: Record<string, unknown>;
}

/**
 * Redeems the code the provider sent back and checks everything openid-client checks: the state, the
 * issuer, the ID token's signature, audience, expiry and nonce, and PKCE at the token endpoint. The
 * claims are the ID token's with the UserInfo endpoint's (same subject) added, since many providers
 * put email and name only there.
 */
export async function redeemCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedIdentity> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new Error('the provider sent no ID token');
  let userInfo: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
    userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  }
  return {
    issuer: idClaims.iss,
    subject: idClaims.sub,
    idToken: tokens.id_token,
    claims: { ...userInfo, ...idClaims },
  };
}

/** The provider's single log-out address for a session, or null when it offers none. */
export function endSessionUrl(config: oidc.Configuration, idToken: string, publicUrl: string): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc
    .buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: ssoPostLogoutUri(publicUrl),
    })
    .toString();
}

export const randomState = oidc.randomState;
export const randomNonce = oidc.randomNonce;
export const randomPkceVerifier = oidc.randomPKCECodeVerifier;
export const pkceChallenge = oidc.calculatePKCECodeChallenge;
export const authorizationUrl = oidc.buildAuthorizationUrl;
