import type { Db } from '../../db/client.ts';
import { createEmailToken, type EmailTokenPurpose } from '../../queries/email-tokens.ts';
import type { ServiceDeps } from '../context.ts';
import type { Letter } from '../mail/letterhead.ts';
import { letterTo } from '../mail/letterhead.ts';
import { dispatchEmails, type EmailContent, queueEmail } from '../mail/outbox.ts';

/** Whom a one-time link goes to. */
export interface LinkRecipient {
  id: string;
  email: string;
  displayName: string;
  /** Their profile language; none (a new account): the institution's default. */
  language?: string | null;
}

/** Builds the email around a new one-time link's token. */
export type LinkEmail = (
  letter: Letter,
  publicUrl: string,
  name: string,
  token: string,
) => Promise<EmailContent>;

/**
 * Queues, inside the caller's transaction, an email carrying a new one-time link (`purpose`) for
 * `user`, and returns the message's id for `dispatchEmails` after the commit.
 */
export async function queueLinkEmail(
  tx: Db,
  deps: ServiceDeps,
  user: LinkRecipient,
  purpose: EmailTokenPurpose,
  email: LinkEmail,
): Promise<string> {
  const token = await createEmailToken(tx, user.id, purpose);
  return queueEmail(
    tx,
    { address: user.email, userId: user.id },
    await email(await letterTo(tx, user.language), deps.env.publicUrl, user.displayName, token),
  );
}

/** Creates a one-time link for `user` and sends the email that carries it (confirmation, reset, sign-in). */
export async function sendLinkEmail(
  deps: ServiceDeps,
  user: LinkRecipient,
  purpose: EmailTokenPurpose,
  email: LinkEmail,
): Promise<void> {
  const messageId = await deps.database.db.transaction((tx) =>
    queueLinkEmail(tx, deps, user, purpose, email),
  );
  await dispatchEmails(deps.jobs, [messageId]);
}
