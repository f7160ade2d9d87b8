import { AppError } from '../../errors.ts';
import { hashToken, newToken, verifyPassword } from '../../lib/crypto.ts';
import { translator } from '../../lib/i18n.ts';
import { updateEmailConfirmed } from '../../queries/accounts.ts';
import {
  countSsoPendingLinkFailure,
  findSsoPendingLink,
  insertUserIdentity,
  takeSsoPendingLink,
  updateSsoPendingLinkEmailToken,
} from '../../queries/identities.ts';
import { upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { actionEmail } from '../mail/layout.ts';
import { letterTo } from '../mail/letterhead.ts';
import { hitRateLimit, rateLimits, refuseOverLimit } from '../rate-limit.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { auditSigninFailure } from './signin-audit.ts';
import { startSsoSession } from './sso-sign-in.ts';

/** Wrong passwords a pending link takes before it is dropped (the person starts again at the provider). */
const maxPasswordFailures = 5;
const linkEmailsPerPending = { max: 3, windowSeconds: 30 * 60 };

const linkGone = () => new AppError('not_found', 'errors.sso.linkExpired');

/** What the "prove it is your account" page shows: the provider, the account's address, whether it has a password. */
export async function getPendingLink(deps: ServiceDeps, token: string) {
  const row = await findSsoPendingLink(deps.database.db, hashToken(token));
  if (!row) throw linkGone();
  return { providerName: row.providerName, email: row.email, hasPassword: row.passwordHash.startsWith('$') };
}

interface SessionInput {
  ip: string;
  userAgent: string;
}

/**
 * Proves control of the local account with its password, then links the provider's identity to it and
 * signs in. Wrong passwords count against the pending link (five, then it is gone) and this address's
 * sign-in failures, like password sign-in.
 */
export async function linkWithPassword(
  deps: ServiceDeps,
  token: string,
  password: string,
  input: SessionInput,
): Promise<{ token: string }> {
  const { db } = deps.database;
  const ipKey = `signin:ip-failures:${input.ip}`;
  await refuseOverLimit(db, ipKey, rateLimits.signinFailuresPerIp);
  const id = hashToken(token);
  const row = await findSsoPendingLink(db, id);
  if (!row) throw linkGone();
  if (!(await verifyPassword(row.passwordHash, password))) {
    await upsertRateLimitHit(db, ipKey, rateLimits.signinFailuresPerIp.windowSeconds);
    const user = await findUserById(db, row.link.userId);
    await auditSigninFailure(db, { method: 'password', ip: input.ip, user }, 'wrong_password');
    if ((await countSsoPendingLinkFailure(db, id)) >= maxPasswordFailures) {
      await takeSsoPendingLink(db, { id });
      throw linkGone();
    }
    throw new AppError('unauthenticated', 'errors.auth.credentialsWrong', {
      password: 'errors.auth.credentialsWrong',
    });
  }
  return completeLink(deps, { id }, input, false);
}

/** Emails the account's owner a link that, followed, links the provider's identity (at most 3 per 30 minutes). */
export async function sendLinkByEmail(deps: ServiceDeps, token: string): Promise<void> {
  const { db } = deps.database;
  const id = hashToken(token);
  const row = await findSsoPendingLink(db, id);
  if (!row) throw linkGone();
  await hitRateLimit(db, `sso-link-email:${id}`, linkEmailsPerPending);
  const emailToken = newToken();
  await unitOfWork(deps, async (tx, outbox) => {
    await updateSsoPendingLinkEmailToken(tx, id, hashToken(emailToken));
    const letter = await letterTo(tx, row.language);
    const t = translator(letter.locale);
    await outbox.email(
      { address: row.email, userId: row.link.userId },
      await actionEmail({
        letter,
        subject: t._('sso.email.subject', { provider: row.providerName }),
        greeting: t._('email.greeting.named', { name: row.displayName }),
        lines: [t._('sso.email.line1', { provider: row.providerName }), t._('sso.email.line2')],
        action: {
          label: t._('sso.email.action'),
          url: `${deps.env.publicUrl}/signin/sso-link?token=${encodeURIComponent(emailToken)}`,
        },
        footer: t._('sso.email.footer'),
      }),
    );
  });
}

/** Follows the emailed link: the address is proved, the identity linked, the person signed in. */
export async function linkByEmailToken(
  deps: ServiceDeps,
  emailToken: string,
  input: SessionInput,
): Promise<{ token: string }> {
  await hitRateLimit(deps.database.db, `signin-link:ip:${input.ip}`, rateLimits.signinLinkUsePerIp);
  return completeLink(deps, { emailTokenHash: hashToken(emailToken) }, input, true);
}

async function completeLink(
  deps: ServiceDeps,
  by: { id: string } | { emailTokenHash: string },
  input: SessionInput,
  emailProved: boolean,
): Promise<{ token: string }> {
  const outcome = await deps.database.db.transaction(async (tx) => {
    const link = await takeSsoPendingLink(tx, by);
    if (!link) return 'gone' as const;
    const user = await findUserById(tx, link.userId);
    if (!user) return 'gone' as const;
    if (user.suspendedAt) return 'suspended' as const;
    await insertUserIdentity(tx, {
      userId: link.userId,
      providerId: link.providerId,
      issuer: link.issuer,
      subject: link.subject,
    });
    if (emailProved) await updateEmailConfirmed(tx, link.userId);
    return startSsoSession(tx, link.userId, { ...input, providerId: link.providerId, idToken: link.idToken });
  });
  if (outcome === 'gone') throw linkGone();
  if (outcome === 'suspended') throw new AppError('forbidden', 'errors.auth.accountSuspended');
  return { token: outcome };
}
