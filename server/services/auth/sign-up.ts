import type { Locale } from '../../../common/i18n/locales.ts';
import { users } from '../../db/schema/index.ts';
import { hashPassword } from '../../lib/crypto.ts';
import { buildPersonSearchDocument, findUserByEmail } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { letterTo } from '../mail/letterhead.ts';
import { dispatchEmails, queueEmail } from '../mail/outbox.ts';
import { countHit, rateLimits } from '../rate-limit.ts';
import { confirmationEmail, signupAttemptEmail } from './emails.ts';
import { queueLinkEmail } from './link-email.ts';

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
  const { db } = deps.database;
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        searchDocument: buildPersonSearchDocument({ ...input, interests: [], expertise: [], bio: '' }),
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return undefined;
    return queueLinkEmail(
      tx,
      deps,
      { id: user.id, email: input.email, displayName: input.displayName, language: input.language ?? null },
      'verify_email',
      confirmationEmail,
    );
  });
  const messageId = created ?? (await tellExistingOwner(deps, input.email));
  if (messageId) await dispatchEmails(deps.jobs, [messageId]);
}

/** The email for the owner of an address that someone tried to sign up with (undefined: none to send). */
async function tellExistingOwner(deps: ServiceDeps, email: string): Promise<string | undefined> {
  const { db } = deps.database;
  const { hits } = await countHit(db, `signup-notice:${email}`, rateLimits.signupNoticesPerAccount);
  if (hits > rateLimits.signupNoticesPerAccount.max) return undefined;
  const user = await findUserByEmail(db, email);
  if (!user || user.suspendedAt) return undefined;
  return db.transaction(async (tx) => {
    if (user.emailVerifiedAt) {
      return queueEmail(
        tx,
        { address: user.email, userId: user.id },
        await signupAttemptEmail(await letterTo(tx, user.language), deps.env.publicUrl, user.displayName),
      );
    }
    return queueLinkEmail(tx, deps, user, 'verify_email', confirmationEmail);
  });
}
