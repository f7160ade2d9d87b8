import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { charterVersions, communityStageChanges, users } from '../db/schema/index.ts';

const versionColumns = {
  version: charterVersions.version,
  sections: charterVersions.sections,
  note: charterVersions.note,
  createdAt: charterVersions.createdAt,
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
