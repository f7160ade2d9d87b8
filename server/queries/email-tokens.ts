import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type emailTokenPurposeEnum, emailTokens } from '../db/schema/index.ts';
import { hashToken, newToken } from '../lib/crypto.ts';

export type EmailTokenPurpose = (typeof emailTokenPurposeEnum.enumValues)[number];

const lifetimes: Record<EmailTokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  signin_link: 15 * 60 * 1000,
};

/** Creates a one-time token and returns the plain value to put in a link (only its hash is stored). */
export async function createEmailToken(db: Db, userId: string, purpose: EmailTokenPurpose): Promise<string> {
  const token = newToken();
  await db
    .insert(emailTokens)
    .values({ id: hashToken(token), userId, purpose, expiresAt: new Date(Date.now() + lifetimes[purpose]) });
  return token;
}

/** Uses a token once: answers its user id, or undefined if unknown, used, expired or for another purpose. */
export async function consumeEmailToken(
  db: Db,
  token: string,
  purpose: EmailTokenPurpose,
): Promise<string | undefined> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(emailTokens.id, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: emailTokens.userId });
  return row?.userId;
}

/** Voids a person's unused tokens of one purpose (after a successful reset, say). */
export async function voidEmailTokens(db: Db, userId: string, purpose: EmailTokenPurpose): Promise<void> {
  await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}
