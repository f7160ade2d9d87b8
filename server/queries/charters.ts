import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { charterVersions, communityStageChanges, users } from '../db/schema/index.ts';

const versionColumns = {
  version: charterVersions.version,
  sections: charterVersions.sections,
  note: charterVersions.note,
  createdAt: charterVersions.createdAt,
  decisionProcess: charterVersions.decisionProcess,
  objectionDays: charterVersions.objectionDays,
  votingDays: charterVersions.votingDays,
  editorId: users.id,
  editorName: users.displayName,
};

/** The charter in force: the newest version, with who saved it. */
export async function findCurrentCharter(db: Db, communityId: string) {
  const [row] = await db
    .select(versionColumns)
    .from(charterVersions)
    .leftJoin(users, eq(users.id, charterVersions.editedBy))
    .where(eq(charterVersions.communityId, communityId))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return row;
}

/** Every version of a community's charter, newest first (a charter changes a few times a year). */
export async function listCharterVersions(db: Db, communityId: string) {
  return db
    .select(versionColumns)
    .from(charterVersions)
    .leftJoin(users, eq(users.id, charterVersions.editedBy))
    .where(eq(charterVersions.communityId, communityId))
    .orderBy(desc(charterVersions.version))
    .limit(500);
}

/** The stage history of a community, newest first. */
export async function listStageChanges(db: Db, communityId: string) {
  return db
    .select({
      id: communityStageChanges.id,
      fromStage: communityStageChanges.fromStage,
      toStage: communityStageChanges.toStage,
      note: communityStageChanges.note,
      createdAt: communityStageChanges.createdAt,
      changedById: users.id,
      changedByName: users.displayName,
    })
    .from(communityStageChanges)
    .leftJoin(users, eq(users.id, communityStageChanges.changedBy))
    .where(eq(communityStageChanges.communityId, communityId))
    .orderBy(desc(communityStageChanges.createdAt))
    .limit(100);
}

/** The number of the charter in force (undefined: the community has no charter yet). */
export async function findLatestCharterVersion(db: Db, communityId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ version: charterVersions.version })
    .from(charterVersions)
    .where(eq(charterVersions.communityId, communityId))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return row?.version;
}

/**
 * How the community chooses a new leader (#18 §1), from the charter in force; the leaders' decision
 * when it has no charter.
 */
export async function findDecisionProcess(db: Db, communityId: string) {
  const [row] = await db
    .select({
      process: charterVersions.decisionProcess,
      objectionDays: charterVersions.objectionDays,
      votingDays: charterVersions.votingDays,
    })
    .from(charterVersions)
    .where(eq(charterVersions.communityId, communityId))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return row ?? { process: 'leaders' as const, objectionDays: 7, votingDays: 7 };
}

/** Stores a new version of a community's charter; answers it. */
export async function insertCharterVersion(db: Db, version: typeof charterVersions.$inferInsert) {
  const [row] = await db.insert(charterVersions).values(version).returning();
  return row;
}

/** Records a move to another stage (or the first stage) in a community's history. */
export async function insertStageChange(
  db: Db,
  change: typeof communityStageChanges.$inferInsert,
): Promise<void> {
  await db.insert(communityStageChanges).values(change);
}
