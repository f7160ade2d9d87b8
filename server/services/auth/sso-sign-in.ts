import { type PersonKind, personKinds } from '../../../common/enums.ts';
import { emailField } from '../../../common/fields.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { enforce } from '../../policies/decision.ts';
import { maySignInWithProvider } from '../../policies/sso.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  findIdentityProvider,
  findUnitIdByName,
  findUserByIdentity,
  type IdentityProviderRow,
  insertSsoAccount,
  insertSsoPendingLink,
  insertSsoSession,
  insertSsoState,
  insertUserIdentity,
  takeSsoState,
  touchUserIdentity,
} from '../../queries/identities.ts';
import { upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { buildPersonSearchDocument, findUserByEmail, findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { rateLimits } from '../rate-limit.ts';
import { auditSigninFailure } from './signin-audit.ts';
import {
  authorizationUrl,
  pkceChallenge,
  providerConfiguration,
  randomNonce,
  randomPkceVerifier,
  randomState,
  redeemCode,
  ssoRedirectUri,
  type VerifiedIdentity,
} from './sso-client.ts';
import { startSession } from './start-session.ts';

const stateLifetimeMs = 10 * 60_000;
export const pendingLinkLifetimeMs = 30 * 60_000;

/**
 * Begins signing in with a provider: a new state, nonce and PKCE verifier are kept (the state hashed)
 * for ten minutes, and the answer is the provider's authorization address to send the browser to.
 */
export async function startSsoSignIn(
  deps: ServiceDeps,
  providerId: string,
  next: string | undefined,
): Promise<string> {
  const { db } = deps.database;
  const provider = await findIdentityProvider(db, providerId);
  if (!provider) throw notFound('errors.notFound.identityProvider');
  enforce(maySignInWithProvider(provider));
  const config = await providerConfiguration(deps, provider);
  const state = randomState();
  const nonce = randomNonce();
  const codeVerifier = randomPkceVerifier();
  await insertSsoState(db, {
    id: hashToken(state),
    providerId,
    nonce,
    codeVerifier,
    next: next ?? null,
    expiresAt: new Date(Date.now() + stateLifetimeMs),
  });
  return authorizationUrl(config, {
    redirect_uri: ssoRedirectUri(deps.env.publicUrl),
    scope: provider.scopes,
    state,
    nonce,
    code_challenge: await pkceChallenge(codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
}

/** Why a return from a provider signed nobody in; the sign-in page says it in the person's words. */
export type SsoRefusal = 'expired' | 'cancelled' | 'invalid' | 'suspended' | 'noEmail';

export type SsoOutcome =
  | { kind: 'signed_in'; token: string; next: string }
  | { kind: 'link'; linkToken: string }
  | { kind: 'refused'; reason: SsoRefusal; detail?: unknown };

export interface SsoCallbackInput {
  query: { state?: string | undefined; error?: string | undefined };
  /** The address the provider sent the browser to, with its query (what openid-client checks). */
  callbackUrl: URL;
  ip: string;
  userAgent: string;
}

/**
 * Finishes signing in when the provider sends the person back. The state is taken once (a replay finds
 * nothing); openid-client checks the code, signature, audience, expiry and nonce. A known (issuer,
 * subject) signs in; an unknown one gets a just-in-time account, unless a local account has that email:
 * then its owner must prove control of it first (never linked on `email_verified` alone).
 */
export async function finishSsoSignIn(deps: ServiceDeps, input: SsoCallbackInput): Promise<SsoOutcome> {
  const { db } = deps.database;
  const { state } = input.query;
  if (!state) return { kind: 'refused', reason: 'invalid' };
  const started = await takeSsoState(db, hashToken(state));
  if (!started) return { kind: 'refused', reason: 'expired' };
  if (input.query.error) return { kind: 'refused', reason: 'cancelled', detail: input.query.error };
  const provider = await findIdentityProvider(db, started.providerId);
  if (!provider?.enabled) return { kind: 'refused', reason: 'invalid' };

  let identity: VerifiedIdentity;
  try {
    const config = await providerConfiguration(deps, provider);
    identity = await redeemCode(config, input.callbackUrl, {
      state,
      nonce: started.nonce,
      codeVerifier: started.codeVerifier,
    });
  } catch (error) {
    // Tampered or mistaken tokens are security events: administrators see them in the audit log, up to
    // a number per address (beyond it they are refused unrecorded, so the log cannot be flooded).
    const { hits } = await upsertRateLimitHit(
      db,
      `sso-refused-audit:ip:${input.ip}`,
      rateLimits.ssoRefusalAuditsPerIp.windowSeconds,
    );
    if (hits <= rateLimits.ssoRefusalAuditsPerIp.max)
      await recordAudit(db, {
        actorId: null,
        action: 'sso.refused',
        subjectType: 'identity_provider',
        subjectId: provider.id,
        data: { error: describeError(error) },
      });
    return { kind: 'refused', reason: 'invalid', detail: error };
  }
  const session = {
    ip: input.ip,
    userAgent: input.userAgent,
    providerId: provider.id,
    idToken: identity.idToken,
  };
  const next = started.next ?? '/';

  const known = await findUserByIdentity(db, identity.issuer, identity.subject);
  if (known) {
    if (known.suspendedAt) {
      const user = await findUserById(db, known.userId);
      await auditSigninFailure(db, { method: 'sso', ip: input.ip, user }, 'suspended');
      return { kind: 'refused', reason: 'suspended' };
    }
    const token = await db.transaction(async (tx) => {
      await touchUserIdentity(tx, known.identityId);
      return startSsoSession(tx, known.userId, session);
    });
    return { kind: 'signed_in', token, next };
  }

  const email = emailField.safeParse(claimText(identity.claims, provider.emailClaim));
  if (!email.success) return { kind: 'refused', reason: 'noEmail' };
  const existing = await findUserByEmail(db, email.data);
  if (existing) {
    const linkToken = newToken();
    await insertSsoPendingLink(db, {
      id: hashToken(linkToken),
      providerId: provider.id,
      userId: existing.id,
      issuer: identity.issuer,
      subject: identity.subject,
      idToken: identity.idToken,
      expiresAt: new Date(Date.now() + pendingLinkLifetimeMs),
    });
    return { kind: 'link', linkToken };
  }

  const token = await db.transaction(async (tx) => {
    const person = await personFromClaims(tx, provider, identity.claims, email.data);
    const user = await insertSsoAccount(tx, person);
    if (!user) return undefined;
    await insertUserIdentity(tx, {
      userId: user.id,
      providerId: provider.id,
      issuer: identity.issuer,
      subject: identity.subject,
    });
    return startSsoSession(tx, user.id, session);
  });
  // Someone took the address in the meantime: they can try again and will be asked to link.
  if (!token) return { kind: 'refused', reason: 'invalid' };
  return { kind: 'signed_in', token, next };
}

/**
 * Opens a session for someone who signed in through a provider: `startSession`, as every sign-in ends,
 * plus the ID token kept for single log-out. Such sessions ask for no second factor: the provider
 * authenticated the person.
 */
export async function startSsoSession(
  db: Db,
  userId: string,
  session: { ip: string; userAgent: string; providerId: string; idToken: string },
): Promise<string> {
  const token = await startSession(db, {
    userId,
    ip: session.ip,
    userAgent: session.userAgent,
    method: 'sso',
  });
  await insertSsoSession(db, {
    sessionId: hashToken(token),
    providerId: session.providerId,
    idToken: session.idToken,
  });
  return token;
}

/** What went wrong, in openid-client's words (its cause says which check failed). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.slice(0, 500);
}

/** A claim as text: strings as they are, numbers and booleans written out, the first of a list. */
function claimText(claims: Record<string, unknown>, name: string): string | undefined {
  if (!name) return undefined;
  const value = claims[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim() || undefined;
  if (typeof first === 'number' || typeof first === 'boolean') return String(first);
  return undefined;
}

/** The new account's name, unit, kind and email confirmation, as the provider's mapping says. */
async function personFromClaims(
  db: Db,
  provider: IdentityProviderRow,
  claims: Record<string, unknown>,
  email: string,
) {
  const displayName = (claimText(claims, provider.nameClaim) ?? email.split('@')[0] ?? email).slice(0, 100);
  const unitValue = claimText(claims, provider.unitClaim);
  const unitName = unitValue === undefined ? undefined : (provider.unitMap[unitValue] ?? unitValue);
  const unitId = unitName ? ((await findUnitIdByName(db, unitName)) ?? null) : null;
  const kindValue = claimText(claims, provider.kindClaim);
  const mapped = kindValue === undefined ? undefined : provider.kindMap[kindValue];
  const kind: PersonKind = mapped && personKinds.includes(mapped) ? mapped : provider.defaultKind;
  return {
    email,
    displayName,
    unitId,
    kind,
    // As the provider says, and only when it speaks of the address we use.
    emailVerified: provider.emailClaim === 'email' && claims.email_verified === true,
    searchDocument: buildPersonSearchDocument({
      displayName,
      unitName: unitId ? unitName : null,
      interests: [],
      expertise: [],
      bio: '',
    }),
  };
}
