import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { contactReplies, contactRequests, users } from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';

export type ContactRequestRow = typeof contactRequests.$inferSelect;
export type ContactStatus = ContactRequestRow['status'];

/** A contact request locked for the rest of the transaction. */
export async function findContactRequestForUpdate(
  db: Db,
  id: string,
): Promise<ContactRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(contactRequests)
    .where(eq(contactRequests.id, id))
    .for('update')
    .limit(1);
  return row;
}

const handler = alias(users, 'handler');

/**
 * The coordinators' inbox: open or done requests, newest first (keyset on created_at, id; served by
 * the status index), with the first lines of each message and how many answers it has had.
 */
export async function listContactRequests(
  db: Db,
  options: { status: ContactStatus; cursor?: string | undefined; limit: number },
) {
  const rows = await db
    .select({
      id: contactRequests.id,
      topic: contactRequests.topic,
      name: contactRequests.name,
      email: contactRequests.email,
      senderId: contactRequests.senderId,
      excerpt: sql<string>`left(${contactRequests.message}, 300)`,
      status: contactRequests.status,
      createdAt: contactRequests.createdAt,
      doneAt: contactRequests.doneAt,
      handledById: handler.id,
      handledByName: handler.displayName,
      replyCount: sql<number>`(select count(*)::int from ${contactReplies} where ${contactReplies.requestId} = ${contactRequests.id})`,
      cursorAt: exactTimestamp(contactRequests.createdAt),
    })
    .from(contactRequests)
    .leftJoin(handler, eq(handler.id, contactRequests.handledBy))
    .where(
      and(
        eq(contactRequests.status, options.status),
        rowsAfter(contactRequests.createdAt, contactRequests.id, options.cursor),
      ),
    )
    .orderBy(desc(contactRequests.createdAt), desc(contactRequests.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.id }));
}

export type ContactRequestListRow = Awaited<ReturnType<typeof listContactRequests>>['page'][number];

export interface ContactReplyJson {
  id: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

const sender = alias(users, 'sender');

/** One contact request with the sender's account, who handled it, and every answer, in one query. */
export async function findContactRequest(db: Db, id: string) {
  const [row] = await db
    .select({
      request: contactRequests,
      senderName: sender.displayName,
      handledByName: handler.displayName,
      replies: sql<ContactReplyJson[]>`coalesce((
        select json_agg(json_build_object(
          'id', ${contactReplies.id}, 'body', ${contactReplies.body},
          'authorId', ${contactReplies.authorId}, 'authorName', ${users.displayName},
          'createdAt', ${contactReplies.createdAt}
        ) order by ${contactReplies.createdAt}, ${contactReplies.id})
        from ${contactReplies} left join ${users} on ${users.id} = ${contactReplies.authorId}
        where ${contactReplies.requestId} = ${contactRequests.id}), '[]'::json)`,
    })
    .from(contactRequests)
    .leftJoin(sender, eq(sender.id, contactRequests.senderId))
    .leftJoin(handler, eq(handler.id, contactRequests.handledBy))
    .where(eq(contactRequests.id, id))
    .limit(1);
  return row;
}

export type ContactRequestDetailRow = NonNullable<Awaited<ReturnType<typeof findContactRequest>>>;

/** Stores a contact request; answers its id. */
export async function insertContactRequest(
  db: Db,
  request: Pick<typeof contactRequests.$inferInsert, 'senderId' | 'name' | 'email' | 'topic' | 'message'>,
): Promise<{ id: string } | undefined> {
  const [row] = await db.insert(contactRequests).values(request).returning({ id: contactRequests.id });
  return row;
}

/** Keeps a coordinator's answer with the request. */
export async function insertContactReply(
  db: Db,
  reply: { requestId: string; authorId: string; body: string },
): Promise<void> {
  await db.insert(contactReplies).values(reply);
}

/** Records who handles a contact request. */
export async function updateContactRequestHandler(db: Db, id: string, handledBy: string): Promise<void> {
  await db.update(contactRequests).set({ handledBy }).where(eq(contactRequests.id, id));
}

/** Marks a contact request done (now, by `handledBy`) or open again. */
export async function updateContactRequestStatus(
  db: Db,
  id: string,
  status: ContactStatus,
  handledBy: string,
): Promise<void> {
  await db
    .update(contactRequests)
    .set(status === 'done' ? { status, doneAt: sql`now()`, handledBy } : { status, doneAt: null })
    .where(eq(contactRequests.id, id));
}
