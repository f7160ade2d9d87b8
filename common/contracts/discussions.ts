import { z } from 'zod';
import { threadKinds } from '../enums.ts';
import { postBodyField, reactionField, threadTitleField, uuidField } from '../fields.ts';
import { cursorQuery } from './shared.ts';

const personRef = z.object({ id: z.string(), displayName: z.string(), photoUrl: z.string().nullable() });

/** People @mentioned in a post (the app inserts their names in the text): each is told. */
const mentionsField = z.array(uuidField).max(20, 'validation.mentions.tooMany').default([]);

export const startThreadBody = z.strictObject({
  kind: z.enum(threadKinds).default('discussion'),
  title: threadTitleField,
  body: postBodyField,
  mentions: mentionsField,
});
export const replyBody = z.strictObject({
  body: postBodyField,
  mentions: mentionsField,
  /** Reply under another reply (one level of nesting); replies to a nested reply go under its parent. */
  parentId: uuidField.nullable().default(null),
});
export const editThreadBody = z.strictObject({
  title: threadTitleField.optional(),
  body: postBodyField.optional(),
});
export const editPostBody = z.strictObject({ body: postBodyField });
export const moderateThreadBody = z.strictObject({
  pinned: z.boolean().optional(),
  locked: z.boolean().optional(),
});
export const helpfulBody = z.strictObject({ postId: uuidField.nullable() });
export const reactionBody = z.strictObject({
  emoji: reactionField,
  postId: uuidField.nullable().default(null),
});
export const followBody = z.strictObject({ following: z.boolean() });

export const threadListQuery = cursorQuery;
export const threadPageQuery = cursorQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const threadParams = z.object({ id: uuidField });
export const threadPostParams = z.object({ id: uuidField, postId: uuidField });

const reactionSummary = z.array(z.object({ emoji: z.string(), count: z.number().int(), mine: z.boolean() }));

export const threadSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(threadKinds),
  title: z.string(),
  excerpt: z.string(),
  author: personRef.nullable(),
  pinned: z.boolean(),
  locked: z.boolean(),
  answered: z.boolean(),
  /** Hidden by a moderator (only moderators see hidden things). */
  hidden: z.boolean(),
  replyCount: z.number().int(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
  /** Signed-in readers: whether there is something they have not read. */
  unread: z.boolean(),
});

export const postSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: personRef.nullable(),
  body: z.string(),
  bodyHtml: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  /** Hidden by a moderator: moderators see the text, others only that it was hidden. */
  hidden: z.boolean(),
  helpful: z.boolean(),
  reactions: reactionSummary,
  abilities: z.object({ edit: z.boolean(), delete: z.boolean(), markHelpful: z.boolean() }),
});

export const threadSchema = threadSummarySchema.extend({
  community: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  body: z.string(),
  bodyHtml: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  helpfulPostId: z.string().nullable(),
  following: z.boolean(),
  reactions: reactionSummary,
  /** One page of replies, oldest first. */
  replies: z.array(postSchema),
  /** The reader is a member suspended from the community: they read but do not take part. */
  suspended: z.boolean().optional(),
  nextCursor: z.string().nullable(),
  abilities: z.object({
    reply: z.boolean(),
    edit: z.boolean(),
    delete: z.boolean(),
    moderate: z.boolean(),
    react: z.boolean(),
    follow: z.boolean(),
  }),
});

/** An earlier version of a post (newest first): its text as written and as shown. */
export const revisionSchema = z.object({
  title: z.string().nullable(),
  body: z.string(),
  bodyHtml: z.string(),
  editedBy: personRef.nullable(),
  createdAt: z.string(),
});
/** Whose edit history: the opening post's, or a reply's (`postId`). */
export const revisionsQuery = z.object({ postId: z.uuid('validation.id.invalid').optional() });

export const reportBody = z.strictObject({
  postId: uuidField.nullable().default(null),
  reason: z.string().trim().min(3, 'validation.report.reason').max(1000),
});
export const hiddenBody = z.strictObject({
  postId: uuidField.nullable().default(null),
  hidden: z.boolean(),
  note: z.string().trim().max(1000).default(''),
});
export const reportDecisionBody = z.strictObject({
  decision: z.enum(['hide', 'dismiss']),
  note: z.string().trim().max(1000).default(''),
});
export const reportsQuery = cursorQuery.extend({
  status: z.enum(['open', 'hidden', 'dismissed']).default('open'),
});
export const reportSchema = z.object({
  id: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'hidden', 'dismissed']),
  createdAt: z.string(),
  community: z.object({ slug: z.string(), name: z.string() }),
  thread: z.object({ id: z.string(), title: z.string() }),
  postId: z.string().nullable(),
  /** An excerpt of what was reported. */
  excerpt: z.string(),
  /** Who wrote what was reported (to suspend them), null when the account is gone. */
  author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** Whether what was reported is hidden now (it can be restored). */
  hidden: z.boolean(),
  /** Whether the thread is locked now. */
  threadLocked: z.boolean(),
  reporter: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
export const moderationEntrySchema = z.object({
  id: z.string(),
  /** hide, restore, dismiss report, pin, unpin, lock, unlock, suspend, lift_suspension. */
  action: z.string(),
  note: z.string(),
  threadId: z.string().nullable(),
  /** The thread acted on, if any (its title, for the log). */
  thread: z.object({ id: z.string(), title: z.string() }).nullable(),
  postId: z.string().nullable(),
  createdAt: z.string(),
  moderator: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** The person acted on (suspended or reinstated). */
  subject: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

export const suspendBody = z.strictObject({
  userId: uuidField,
  reason: z.string().trim().min(3, 'validation.suspension.reason').max(1000),
  /** When the suspension ends by itself; none: until it is lifted. */
  endsAt: z.iso.datetime({ offset: true, message: 'validation.dateTime.required' }).optional(),
});
export const suspensionSchema = z.object({
  id: z.string(),
  person: personRef,
  reason: z.string(),
  createdAt: z.string(),
  endsAt: z.string().nullable(),
  suspendedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
