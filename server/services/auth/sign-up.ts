import { users } from '../../db/schema/index.ts';
import { fieldError } from '../../errors.ts';
import { createEmailToken } from '../../queries/email-tokens.ts';
import { buildPersonSearchDocument, findUserByEmail } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { hashPassword } from '../crypto.ts';
import { dispatchEmails, queueEmail } from '../mail/outbox.ts';
import { confirmationEmail } from './emails.ts';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
}

/**
 * Creates an unconfirmed account and emails a confirmation link. The account, its token and the email
 * are written in one transaction, so a failure leaves nothing behind.
 */
export async function signUp(deps: ServiceDeps, input: SignUpInput): Promise<{ userId: string }> {
  const { db } = deps.database;
  if (await findUserByEmail(db, input.email)) {
    throw fieldError(
      'email',
      'An account with this email already exists. Sign in or reset your password.',
      'conflict',
    );
  }
  const passwordHash = await hashPassword(input.password);
  const { userId, messageId } = await db.transaction(async (tx) => {
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
    if (!user) {
      throw fieldError(
        'email',
        'An account with this email already exists. Sign in or reset your password.',
        'conflict',
      );
    }
    const token = await createEmailToken(tx, user.id, 'verify_email');
    const messageId = await queueEmail(
      tx,
      { address: input.email, userId: user.id },
      confirmationEmail(deps.env.publicUrl, input.displayName, token),
    );
    return { userId: user.id, messageId };
  });
  await dispatchEmails(deps.jobs, [messageId]);
  return { userId };
}
