import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { dataExports, users } from '../db/schema/index.ts';

export type DataExportRow = typeof dataExports.$inferSelect;

/** A new request, being prepared; undefined when the requester already has one under way for this person. */
export async function insertDataExport(
  db: Db,
  values: { userId: string; requestedBy: string; reason: string | null },
): Promise<DataExportRow | undefined> {
  const [row] = await db
    .insert(dataExports)
    .values(values)
    .onConflictDoNothing({
      target: [dataExports.requestedBy, dataExports.userId],
      where: sql`${dataExports.status} = 'preparing'`,
    })
    .returning();
  return row;
}

/** The latest request `requestedBy` made for their own data, if any. */
export async function findLatestOwnDataExport(db: Db, userId: string): Promise<DataExportRow | undefined> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.requestedBy, userId), eq(dataExports.userId, userId)))
    .orderBy(desc(dataExports.createdAt))
    .limit(1);
  return row;
}

/** A request with the names and languages the job needs: the person's and the requester's. */
export async function findDataExportForBuild(db: Db, id: string) {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, id));
  if (!row) return undefined;
  const people = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      language: users.language,
    })
    .from(users)
    .where(inArray(users.id, [row.userId, row.requestedBy ?? row.userId]));
  const person = people.find((p) => p.id === row.userId);
  const requester = people.find((p) => p.id === (row.requestedBy ?? row.userId));
  return person && requester ? { request: row, person, requester } : undefined;
}

/** Marks a request ready: its zip stored, the hash of its one-time token, until when it waits. */
export async function markDataExportReady(
  db: Db,
  id: string,
  values: { storageKey: string; size: number; tokenHash: string; expiresAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(dataExports)
    .set({ ...values, status: 'ready', readyAt: new Date() })
    .where(and(eq(dataExports.id, id), eq(dataExports.status, 'preparing')))
    .returning({ id: dataExports.id });
  return rows.length > 0;
}

/** Marks a request that could not be prepared as failed, so the person may ask again. */
export async function markDataExportFailed(db: Db, id: string): Promise<void> {
  await db
    .update(dataExports)
    .set({ status: 'failed' })
    .where(and(eq(dataExports.id, id), eq(dataExports.status, 'preparing')));
}

/** A new token for a ready export of `requestedBy` (the earlier link stops working). */
export async function replaceDataExportToken(
  db: Db,
  id: string,
  requestedBy: string,
  tokenHash: string,
): Promise<boolean> {
  const rows = await db
    .update(dataExports)
    .set({ tokenHash })
    .where(
      and(
        eq(dataExports.id, id),
        eq(dataExports.requestedBy, requestedBy),
        eq(dataExports.status, 'ready'),
        sql`${dataExports.expiresAt} > now()`,
      ),
    )
    .returning({ id: dataExports.id });
  return rows.length > 0;
}

/** The request a download token belongs to (whatever its state), locked for the download. */
export async function findDataExportByToken(db: Db, tokenHash: string): Promise<DataExportRow | undefined> {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.tokenHash, tokenHash)).for('update');
  return row;
}

/** Consumes a ready export: downloaded now; its file is deleted by the cleanup job. */
export async function markDataExportDownloaded(db: Db, id: string): Promise<void> {
  await db
    .update(dataExports)
    .set({ status: 'downloaded', downloadedAt: new Date() })
    .where(eq(dataExports.id, id));
}

/** Ready exports whose time is up become expired (their files are then released by the cleanup). */
export async function expireDataExports(db: Db, now: Date): Promise<void> {
  await db
    .update(dataExports)
    .set({ status: 'expired' })
    .where(and(eq(dataExports.status, 'ready'), lt(dataExports.expiresAt, now)));
}

/** Stored zips no longer wanted: downloaded, expired or failed requests whose file is still kept. */
export async function listReleasableExportFiles(db: Db): Promise<{ id: string; key: string }[]> {
  const rows = await db
    .select({ id: dataExports.id, key: dataExports.storageKey })
    .from(dataExports)
    .where(
      and(
        inArray(dataExports.status, ['downloaded', 'expired', 'failed']),
        isNotNull(dataExports.storageKey),
      ),
    );
  return rows.flatMap((row) => (row.key ? [{ id: row.id, key: row.key }] : []));
}

/** Forgets the file of a request once it is deleted from the storage. */
export async function clearDataExportFile(db: Db, id: string): Promise<void> {
  await db.update(dataExports).set({ storageKey: null }).where(eq(dataExports.id, id));
}
