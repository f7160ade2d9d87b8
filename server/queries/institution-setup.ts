import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { institutionSettings } from '../db/schema/index.ts';

/**
 * Locks the settings row for the rest of the transaction and answers when set-up was completed (null:
 * not yet), so two simultaneous set-ups take turns. Undefined: the row is missing.
 */
export async function lockInstitutionSetup(db: Db) {
  const [row] = await db
    .select({ setupCompletedAt: institutionSettings.setupCompletedAt })
    .from(institutionSettings)
    .where(eq(institutionSettings.id, 1))
    .for('update');
  return row;
}

/** Names the institution and records that set-up is done (it cannot run again). */
export async function updateInstitutionSetupCompleted(db: Db, institutionName: string): Promise<void> {
  await db
    .update(institutionSettings)
    .set({ name: institutionName, setupCompletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(institutionSettings.id, 1));
}
