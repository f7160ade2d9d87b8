import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reactions } from '../db/schema/index.ts';

/** Reactions to a thread's opening post (`postId` null) or to a reply. */
export interface ReactionKey {
  threadId: string;
  postId: string | null;
  userId: string;
  emoji: string;
}

/** Adds a reaction; answers its id, or undefined when the person had already reacted so. */
export async function insertReaction(db: Db, reaction: ReactionKey): Promise<{ id: string } | undefined> {
  const [added] = await db
    .insert(reactions)
    .values(reaction)
    .onConflictDoNothing()
    .returning({ id: reactions.id });
  return added;
}

/** Takes a person's reaction back (nothing when there was none). */
export async function deleteReaction(db: Db, reaction: ReactionKey): Promise<void> {
  await db
    .delete(reactions)
    .where(
      and(
        eq(reactions.threadId, reaction.threadId),
        reaction.postId ? eq(reactions.postId, reaction.postId) : isNull(reactions.postId),
        eq(reactions.userId, reaction.userId),
        eq(reactions.emoji, reaction.emoji),
      ),
    );
}
