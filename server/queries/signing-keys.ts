import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { signingKeys } from '../db/schema/index.ts';

/** The key links of this purpose are signed with: read, or made (random) on first use. */
export async function findOrCreateSigningKey(db: Db, purpose: string): Promise<string> {
  const read = async () =>
    (
      await db
        .select({ secret: signingKeys.secret })
        .from(signingKeys)
        .where(eq(signingKeys.purpose, purpose))
    )[0]?.secret;
  const known = await read();
  if (known) return known;
  // Two processes making it at once: the first insert wins, both then read the same key.
  await db
    .insert(signingKeys)
    .values({ purpose, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const made = await read();
  if (!made) throw new Error(`signing key ${purpose} missing right after it was made`);
  return made;
}
