import { and, asc, desc, eq, isNotNull, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import {
  communities,
  communityMembers,
  postRevisions,
  posts,
  reactions,
  threadFollows,
  threadReads,
  threads,
  users,
} from '../db/schema/index.ts';
import { actorMembershipOn, suspendedIn } from './communities.ts';
import { cursorAfter, exactTimestamp, pageOf } from './keyset.ts';
import { preparedByShape, preparedFor } from './prepared.ts';

/** Reactions to one post (or to the opening post, `postId` null), summed, with the reader's own. */
export interface ReactionJson {
  emoji: string;
  count: number;
  mine: boolean;
}

/**
 * `post` is a reply's id column, or `{ opening: thread id column }` for the thread's opening post: a
 * reply's reactions are found through reactions_post_idx (`post_id = …`), the opening post's through
 * reactions_thread_idx (`post_id is null`), never by scanning all of a thread's reactions per reply.
 */
const reactionsOf = (post: SQL | { opening: SQL }, actorId: Placeholder | null) => sql<
  ReactionJson[]
>`coalesce((
  select json_agg(json_build_object('emoji', rx.emoji, 'count', rx.n, 'mine', rx.mine) order by rx.first)
  from (select r.emoji, count(*)::int as n, min(r.created_at) as first,
      ${actorId ? sql`coalesce(bool_or(r.user_id = ${actorId}::uuid), false)` : sql`false`} as mine
    from ${reactions} r
    where ${'opening' in post ? sql`r.thread_id = ${post.opening} and r.post_id is null` : sql`r.post_id = ${post}`}
    group by r.emoji) rx), '[]'::json)`;

/** The author of a thread or reply, joined under this alias. */
export const threadAuthor = alias(users, 'author');
const author = threadAuthor;
const authorColumns = {
  authorName: author.displayName,
  authorPhoto: author.photoPath,
  authorUpdatedAt: author.updatedAt,
};

/**
 * The thread query for a signed-in reader or for a visitor, with the thread's and the reader's ids as
 * placeholders: run as a named prepared statement, so each pooled connection plans it once (the thread
 * page's planning cost more than its execution).
 */
function threadForActorQuery(db: Db, signedIn: boolean) {
  const threadId = sql.placeholder('threadId');
  const actorId = signedIn ? sql.placeholder('actorId') : null;
  return db
    .select({
      thread: threads,
      community: {
        id: communities.id,
        slug: communities.slug,
        name: communities.name,
        visibility: communities.visibility,
        stage: communities.stage,
        joinPolicy: communities.joinPolicy,
      },
      membershipRole: communityMembers.role,
      suspended: suspendedIn(sql`${threads.communityId}`, actorId),
      ...authorColumns,
      following: actorId
        ? sql<boolean>`exists (select 1 from ${threadFollows} f
            where f.thread_id = ${threads.id} and f.user_id = ${actorId}::uuid)`
        : sql<boolean>`false`,
      reactions: reactionsOf({ opening: sql`${threads.id}` }, actorId),
      /** The actor has read the thread since its last activity (so reading it again writes nothing). */
      readUpToDate: actorId
        ? sql<boolean>`exists (select 1 from ${threadReads} tr where tr.thread_id = ${threads.id}
            and tr.user_id = ${actorId}::uuid and tr.last_read_at >= ${threads.lastActivityAt})`
        : sql<boolean>`false`,
    })
    .from(threads)
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .leftJoin(author, eq(author.id, threads.authorId))
    .leftJoin(communityMembers, actorMembershipOn(threads.communityId, actorId))
    .where(sql`${threads.id} = ${threadId}::uuid`)
    .prepare(signedIn ? 'thread_for_member' : 'thread_for_visitor');
}
const threadForMember = preparedFor((db) => threadForActorQuery(db, true));
const threadForVisitor = preparedFor((db) => threadForActorQuery(db, false));

/** A thread with its community's rule-relevant fields and the actor's membership, follow and last read. */
export async function findThreadForActor(db: Db, threadId: string, actorId: string | null) {
  const [row] = actorId
    ? await threadForMember(db).execute({ threadId, actorId })
    : await threadForVisitor(db).execute({ threadId });
  if (!row) return undefined;
  return {
    ...row,
    membership: row.membershipRole ? { role: row.membershipRole, suspended: row.suspended } : null,
  };
}
export type ThreadForActor = NonNullable<Awaited<ReturnType<typeof findThreadForActor>>>;

/**
 * What a thread's card shows (lists, the home page), with its author (join `threadAuthor`) and whether
 * the reader has read it since its last activity.
 */
export function threadCardColumns(readerId: string | Placeholder | null) {
  return {
    id: threads.id,
    kind: threads.kind,
    title: threads.title,
    body: threads.body,
    authorId: threads.authorId,
    ...authorColumns,
    pinnedAt: threads.pinnedAt,
    lockedAt: threads.lockedAt,
    hiddenAt: threads.hiddenAt,
    helpfulPostId: threads.helpfulPostId,
    replyCount: threads.replyCount,
    lastActivityAt: threads.lastActivityAt,
    createdAt: threads.createdAt,
    unread: readerId
      ? sql<boolean>`not exists (select 1 from ${threadReads} tr where tr.thread_id = ${threads.id}
          and tr.user_id = ${readerId}::uuid and tr.last_read_at >= ${threads.lastActivityAt})`
      : sql<boolean>`false`,
  };
}

/**
 * A community's threads: pinned ones first (on the first page), then the rest by latest activity, one
 * keyset page at a time. Deleted threads are left out. `unread` compares the actor's last read.
 */
export async function listThreads(
  db: Db,
  communityId: string,
  actorId: string | null,
  page: { cursor?: string | undefined; limit: number; includeHidden: boolean },
) {
  const after = cursorAfter(page.cursor);
  const who = { signedIn: actorId !== null, includeHidden: page.includeHidden };
  const values = { communityId, actorId, afterAt: after?.at, afterId: after?.id };
  const pinned = after
    ? []
    : await threadListStatement(db, { ...who, pinned: true, cursor: false, rows: 20 }).execute(values);
  const rows = await threadListStatement(db, {
    ...who,
    pinned: false,
    cursor: after !== undefined,
    rows: page.limit + 1,
  }).execute(values);
  const { page: rest, nextCursor } = pageOf(rows, page.limit, (row) => ({
    at: row.lastActivityExact,
    id: row.id,
  }));
  return { rows: [...pinned, ...rest], nextCursor };
}

interface ThreadListShape {
  signedIn: boolean;
  includeHidden: boolean;
  /** The pinned threads (newest pin first, up to `rows`), or the others by last activity. */
  pinned: boolean;
  cursor: boolean;
  rows: number;
}

/** A community's pinned threads, or one page of the others, as a statement with placeholders. */
function threadListQuery(db: Db, shape: ThreadListShape) {
  const actorId = shape.signedIn ? sql.placeholder('actorId') : null;
  const conditions = [
    sql`${threads.communityId} = ${sql.placeholder('communityId')}::uuid`,
    isNull(threads.deletedAt),
    shape.includeHidden ? undefined : isNull(threads.hiddenAt),
    shape.pinned ? isNotNull(threads.pinnedAt) : isNull(threads.pinnedAt),
    shape.cursor
      ? sql`(${threads.lastActivityAt}, ${threads.id}) < (${sql.placeholder('afterAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`
      : undefined,
  ];
  // Drizzle's limit() always sends a parameter; the row count goes after the last sort key instead.
  const limit = sql.raw(`limit ${shape.rows}`);
  return db
    .select({ ...threadCardColumns(actorId), lastActivityExact: exactTimestamp(threads.lastActivityAt) })
    .from(threads)
    .leftJoin(author, eq(author.id, threads.authorId))
    .where(and(...conditions))
    .orderBy(
      ...(shape.pinned
        ? [sql`${threads.pinnedAt} desc ${limit}`]
        : [desc(threads.lastActivityAt), sql`${threads.id} desc ${limit}`]),
    );
}

const threadListStatement = preparedByShape(
  (shape: ThreadListShape) =>
    `threads_${shape.signedIn ? 'member' : 'visitor'}_${shape.includeHidden ? 'all' : 'shown'}_${shape.pinned ? 'pinned' : shape.cursor ? 'after' : 'first'}_${shape.rows}`,
  threadListQuery,
);

export type ThreadRow = Awaited<ReturnType<typeof listThreads>>['rows'][number];

/** A page of a thread's replies, oldest first, with authors and reactions. */
export async function listReplies(
  db: Db,
  threadId: string,
  actorId: string | null,
  page: { cursor?: string | undefined; limit: number },
) {
  const after = cursorAfter(page.cursor);
  const shape = { signedIn: actorId !== null, cursor: after !== undefined, rows: page.limit + 1 };
  const rows = await repliesStatement(db, shape).execute({
    threadId,
    actorId,
    afterAt: after?.at,
    afterId: after?.id,
  });
  const { page: replies, nextCursor } = pageOf(rows, page.limit, (row) => ({
    at: row.createdExact,
    id: row.id,
  }));
  return { rows: replies, nextCursor };
}

interface RepliesShape {
  signedIn: boolean;
  cursor: boolean;
  /** The page size plus one; written into the SQL, where `limit $n` would be planned on every run. */
  rows: number;
}

/** One page of a thread's replies, oldest first, as a statement with placeholders (see `repliesStatement`). */
function repliesQuery(db: Db, shape: RepliesShape) {
  const actorId = shape.signedIn ? sql.placeholder('actorId') : null;
  const after = shape.cursor
    ? sql` and (${posts.createdAt}, ${posts.id}) > (${sql.placeholder('afterAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`
    : sql``;
  return db
    .select({
      id: posts.id,
      parentId: posts.parentId,
      authorId: posts.authorId,
      ...authorColumns,
      body: posts.body,
      createdAt: posts.createdAt,
      createdExact: exactTimestamp(posts.createdAt),
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
      hiddenAt: posts.hiddenAt,
      reactions: reactionsOf(sql`${posts.id}`, actorId),
    })
    .from(posts)
    .leftJoin(author, eq(author.id, posts.authorId))
    .where(sql`${posts.threadId} = ${sql.placeholder('threadId')}::uuid${after}`)
    .orderBy(
      asc(posts.createdAt),
      // Drizzle's limit() always sends a parameter; the row count goes after the last sort key instead.
      sql`${posts.id} asc limit ${sql.raw(String(shape.rows))}`,
    );
}

/** The replies statement of one shape: a handful of shapes (page sizes are 1–100). */
const repliesStatement = preparedByShape(
  (shape: RepliesShape) =>
    `replies_${shape.signedIn ? 'member' : 'visitor'}_${shape.cursor ? 'after' : 'first'}_${shape.rows}`,
  repliesQuery,
);

export type ReplyRow = Awaited<ReturnType<typeof listReplies>>['rows'][number];

/** The earlier versions of a thread's opening post or of a reply, newest first. */
export async function listRevisions(
  db: Db,
  threadId: string,
  target: { postId: string | null; includeHidden: boolean },
) {
  const editor = alias(users, 'editor');
  const query = db
    .select({
      title: postRevisions.title,
      body: postRevisions.body,
      createdAt: postRevisions.createdAt,
      editorId: editor.id,
      editorName: editor.displayName,
      editorPhoto: editor.photoPath,
      editorUpdatedAt: editor.updatedAt,
    })
    .from(postRevisions)
    .leftJoin(editor, eq(editor.id, postRevisions.editedBy))
    .$dynamic();
  if (target.postId === null) {
    return query
      .where(eq(postRevisions.threadId, threadId))
      .orderBy(desc(postRevisions.createdAt))
      .limit(200);
  }
  // A reply's history only through its own thread, and not of a deleted reply or (for readers who do
  // not moderate) a hidden one: their text is withheld on the thread page too.
  return query
    .innerJoin(
      posts,
      and(
        eq(posts.id, postRevisions.postId),
        eq(posts.threadId, threadId),
        isNull(posts.deletedAt),
        target.includeHidden ? undefined : isNull(posts.hiddenAt),
      ),
    )
    .where(eq(postRevisions.postId, target.postId))
    .orderBy(desc(postRevisions.createdAt))
    .limit(200);
}

/** Everyone following a thread. */
export async function listFollowerIds(db: Db, threadId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: threadFollows.userId })
    .from(threadFollows)
    .where(eq(threadFollows.threadId, threadId));
  return rows.map((row) => row.userId);
}
