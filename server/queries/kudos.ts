import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { KudosSubject } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { kudos, meetings, posts, resources, threads, users } from '../db/schema/index.ts';
import { preparedFor } from './prepared.ts';

/** What kudos are given for: its community, whose contribution it is, its title and the thread of a reply. */
export interface KudosSubjectRow {
  communityId: string;
  receiverId: string | null;
  title: string;
  threadId: string | null;
}

/**
 * The contribution kudos are for, if it is there (not deleted, hidden or cancelled): one statement for
 * each kind of subject.
 */
export async function findKudosSubject(
  db: Db,
  type: KudosSubject,
  id: string,
): Promise<KudosSubjectRow | undefined> {
  if (type === 'thread') {
    const [row] = await db
      .select({ communityId: threads.communityId, receiverId: threads.authorId, title: threads.title })
      .from(threads)
      .where(and(eq(threads.id, id), sql`${threads.deletedAt} is null and ${threads.hiddenAt} is null`));
    return row ? { ...row, threadId: id } : undefined;
  }
  if (type === 'post') {
    const [row] = await db
      .select({
        communityId: threads.communityId,
        receiverId: posts.authorId,
        title: threads.title,
        threadId: threads.id,
      })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .where(
        and(
          eq(posts.id, id),
          sql`${posts.deletedAt} is null and ${posts.hiddenAt} is null`,
          sql`${threads.deletedAt} is null and ${threads.hiddenAt} is null`,
        ),
      );
    return row;
  }
  if (type === 'resource') {
    const [row] = await db
      .select({ communityId: resources.communityId, receiverId: resources.authorId, title: resources.title })
      .from(resources)
      .where(and(eq(resources.id, id), sql`${resources.deletedAt} is null`));
    return row ? { ...row, threadId: null } : undefined;
  }
  const [row] = await db
    .select({ communityId: meetings.communityId, receiverId: meetings.createdBy, title: meetings.title })
    .from(meetings)
    .where(and(eq(meetings.id, id), sql`${meetings.status} <> 'cancelled'`));
  return row ? { ...row, threadId: null } : undefined;
}

/** Gives kudos; answers its id, or undefined when the giver already gave kudos for this contribution. */
export async function insertKudos(db: Db, row: typeof kudos.$inferInsert): Promise<string | undefined> {
  const [inserted] = await db.insert(kudos).values(row).onConflictDoNothing().returning({ id: kudos.id });
  return inserted?.id;
}

export async function findKudos(db: Db, id: string) {
  const [row] = await db.select().from(kudos).where(eq(kudos.id, id));
  return row;
}

export async function deleteKudos(db: Db, id: string): Promise<void> {
  await db.delete(kudos).where(eq(kudos.id, id));
}

const giver = alias(users, 'giver');
const receiver = alias(users, 'receiver');
const subjectThread = alias(threads, 'subject_thread');
const subjectPost = alias(posts, 'subject_post');
const postThread = alias(threads, 'post_thread');
const subjectResource = alias(resources, 'subject_resource');
const subjectMeeting = alias(meetings, 'subject_meeting');

/** Kudos with the names of both people and the title of what they were for, in one statement. */
function kudosRows(db: Db) {
  return db
    .select({
      id: kudos.id,
      communityId: kudos.communityId,
      subjectType: kudos.subjectType,
      subjectId: kudos.subjectId,
      message: kudos.message,
      createdAt: kudos.createdAt,
      giver: { id: giver.id, displayName: giver.displayName },
      receiver: { id: receiver.id, displayName: receiver.displayName },
      threadId: sql<string | null>`coalesce(${subjectThread.id}, ${postThread.id})`,
      title: sql<string>`coalesce(${subjectThread.title}, ${postThread.title}, ${subjectResource.title}, ${subjectMeeting.title}, '')`,
    })
    .from(kudos)
    .innerJoin(giver, eq(giver.id, kudos.giverId))
    .innerJoin(receiver, eq(receiver.id, kudos.receiverId))
    .leftJoin(
      subjectThread,
      sql`${kudos.subjectType} = 'thread' and ${subjectThread.id} = ${kudos.subjectId}`,
    )
    .leftJoin(subjectPost, sql`${kudos.subjectType} = 'post' and ${subjectPost.id} = ${kudos.subjectId}`)
    .leftJoin(postThread, eq(postThread.id, subjectPost.threadId))
    .leftJoin(
      subjectResource,
      sql`${kudos.subjectType} = 'resource' and ${subjectResource.id} = ${kudos.subjectId}`,
    )
    .leftJoin(
      subjectMeeting,
      sql`${kudos.subjectType} = 'meeting' and ${subjectMeeting.id} = ${kudos.subjectId}`,
    );
}
export type KudosRow = Awaited<ReturnType<ReturnType<typeof kudosRows>['execute']>>[number];

/** The community's latest kudos, newest first. */
export async function listCommunityKudos(db: Db, communityId: string, limit: number): Promise<KudosRow[]> {
  return kudosRows(db)
    .where(eq(kudos.communityId, communityId))
    .orderBy(desc(kudos.createdAt), desc(kudos.id))
    .limit(limit);
}

/**
 * Kudos for one contribution, oldest first; for a thread, those for the thread and for each of its
 * replies (the thread page shows them under each post). Named prepared statements: planned once per
 * pooled connection (planning the joins cost more than running them).
 */
export async function listKudosFor(db: Db, type: KudosSubject, id: string): Promise<KudosRow[]> {
  if (type === 'thread') return kudosForThread(db).execute({ id });
  return kudosForSubject(db).execute({ type, id });
}

const kudosForThread = preparedFor((db) =>
  kudosRows(db)
    .where(
      sql`${kudos.subjectType} in ('thread', 'post') and ${kudos.subjectId} in (select ${sql.placeholder('id')}::uuid union all select ${posts.id} from ${posts} where ${posts.threadId} = ${sql.placeholder('id')})`,
    )
    .orderBy(kudos.createdAt, kudos.id)
    .limit(500)
    .prepare('kudos_for_thread'),
);

const kudosForSubject = preparedFor((db) =>
  kudosRows(db)
    .where(
      and(
        sql`${kudos.subjectType} = ${sql.placeholder('type')}`,
        sql`${kudos.subjectId} = ${sql.placeholder('id')}::uuid`,
      ),
    )
    .orderBy(kudos.createdAt, kudos.id)
    .limit(500)
    .prepare('kudos_for_subject'),
);
