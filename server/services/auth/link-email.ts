import type { Db } from '../../db/client.ts';
import { createEmailToken, type EmailTokenPurpose } from '../../queries/email-tokens.ts';
import type { ServiceDeps } from '../context.ts';
import type { Letter } from '../mail/letterhead.ts';
import { letterTo } from '../mail/letterhead.ts';
import type { EmailContent } from '../mail/outbox.ts';
import { type Outbox, unitOfWork } from '../unit-of-work.ts';

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
 * Puts in the caller's unit of work (`tx` and its `outbox`) an email carrying a new one-time link
 * (`purpose`) for `user`; it goes out after the commit.
 */
export async function queueLinkEmail(
  tx: Db,
  outbox: Outbox,
  deps: ServiceDeps,
  user: LinkRecipient,
  purpose: EmailTokenPurpose,
  email: LinkEmail,
): Promise<void> {
  const token = await createEmailToken(tx, user.id, purpose);
  await outbox.email(
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
  await unitOfWork(deps, (tx, outbox) => queueLinkEmail(tx, outbox, deps, user, purpose, email));
}
