import type { Locale } from '../../../common/i18n/locales.ts';
import { hashPassword } from '../../lib/crypto.ts';
import { enforce } from '../../policies/decision.ts';
import { maySignUpLocally } from '../../policies/sso.ts';
import { insertAccount } from '../../queries/accounts.ts';
import { hasOpenEmailInvitation, hasOpenPartnerInvitation } from '../../queries/identities.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';
import { upsertRateLimitHit } from '../../queries/rate-limits.ts';
import { buildPersonSearchDocument, findUserByEmail } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { letterTo } from '../mail/letterhead.ts';
import { rateLimits } from '../rate-limit.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { confirmationEmail, signupAttemptEmail } from './emails.ts';
import { queueLinkEmail } from './link-email.ts';
import { refuseWeakPassword } from './new-password.ts';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  /** The language the person signed up in (the page's): their confirmation email is written in it. */
  language?: Locale | undefined;
}

/**
 * Creates an unconfirmed account and emails a confirmation link. The account, its token and the email
 * are written in one transaction, so a failure leaves nothing behind.
 *
 * An address that already has an account gets the same answer after the same work (the password is
 * hashed and the insert tried either way), so sign-up does not tell who has an account. Its owner is
 * emailed instead: a new confirmation link if the account is unconfirmed, else "someone tried to sign up
 * with your address"; at most once an hour per address.
 */
export async function signUp(deps: ServiceDeps, input: SignUpInput): Promise<void> {
  // SSO-only mode: accounts come from the identity provider, except invited guests (made external).
  const { ssoOnly, name: institutionName } = await getInstitutionSettings(deps.database.db);
  const invited = ssoOnly && (await hasOpenEmailInvitation(deps.database.db, input.email));
  enforce(maySignUpLocally({ ssoOnly }, invited));
  // A project's partner is external in either mode (#18 §4).
  const external = invited || (await hasOpenPartnerInvitation(deps.database.db, input.email));
  refuseWeakPassword('password', input.password, [input.email, input.displayName, institutionName]);
  const passwordHash = await hashPassword(input.password);
  const created = await unitOfWork(deps, async (tx, outbox) => {
    const user = await insertAccount(tx, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      ...(external ? { kind: 'external' as const } : {}),
      searchDocument: buildPersonSearchDocument({ ...input, interests: [], expertise: [], bio: '' }),
    });
    if (!user) return false;
    await queueLinkEmail(
      tx,
      outbox,
      deps,
      { id: user.id, email: input.email, displayName: input.displayName, language: input.language ?? null },
      'verify_email',
      confirmationEmail,
    );
    return true;
  });
  if (!created) await tellExistingOwner(deps, input.email);
}

/** Emails the owner of an address that someone tried to sign up with (when there is one to tell). */
async function tellExistingOwner(deps: ServiceDeps, email: string): Promise<void> {
  const { db } = deps.database;
  const { hits } = await upsertRateLimitHit(
    db,
    `signup-notice:${email}`,
    rateLimits.signupNoticesPerAccount.windowSeconds,
  );
  if (hits > rateLimits.signupNoticesPerAccount.max) return;
  const user = await findUserByEmail(db, email);
  if (!user || user.suspendedAt) return;
  await unitOfWork(deps, async (tx, outbox) => {
    if (user.emailVerifiedAt) {
      return outbox.email(
        { address: user.email, userId: user.id },
        await signupAttemptEmail(await letterTo(tx, user.language), deps.env.publicUrl, user.displayName),
      );
    }
    return queueLinkEmail(tx, outbox, deps, user, 'verify_email', confirmationEmail);
  });
}
