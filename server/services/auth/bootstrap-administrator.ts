import { eq, sql } from 'drizzle-orm';
import { institutionSettings, users } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { hashPassword, hashToken, newToken } from '../../lib/crypto.ts';
import { insertSession } from '../../queries/sessions.ts';
import { buildPersonSearchDocument } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';

export interface BootstrapInput {
  institutionName: string;
  email: string;
  password: string;
  displayName: string;
  ip: string;
  userAgent: string;
}

/**
 * The one-time set-up of a fresh installation: names the institution and creates the first administrator
 * (confirmed, signed in). The settings row is locked, so two simultaneous attempts cannot both succeed.
 */
export async function bootstrapAdministrator(
  deps: ServiceDeps,
  input: BootstrapInput,
): Promise<{ token: string }> {
  const { db } = deps.database;
  const passwordHash = await hashPassword(input.password);
  const token = newToken();
  await db.transaction(async (tx) => {
    const [settings] = await tx
      .select({ setupCompletedAt: institutionSettings.setupCompletedAt })
      .from(institutionSettings)
      .where(eq(institutionSettings.id, 1))
      .for('update');
    if (!settings || settings.setupCompletedAt) {
      throw new AppError('conflict', 'errors.auth.alreadySetUp');
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        role: 'administrator',
        emailVerifiedAt: sql`now()`,
        searchDocument: buildPersonSearchDocument({ ...input, interests: [], expertise: [], bio: '' }),
      })
      .returning({ id: users.id });
    if (!user) throw new Error('user insert returned nothing');
    await tx
      .update(institutionSettings)
      .set({ name: input.institutionName, setupCompletedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(institutionSettings.id, 1));
    await insertSession(tx, {
      id: hashToken(token),
      userId: user.id,
      userAgent: input.userAgent.slice(0, 300),
      ip: input.ip,
    });
  });
  return { token };
}
