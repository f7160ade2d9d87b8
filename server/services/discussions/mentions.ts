import { quoted } from '../../../common/plain-text.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { nonMembersAmong } from '../meetings/load-meeting.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import type { Outbox } from '../unit-of-work.ts';

/**
 * People @mentioned in a post must be members of the community: anyone else is a field error
 * (`mentions.N`), checked before anything is written.
 */
export async function checkMentions(db: Db, communityId: string, mentions: string[]): Promise<void> {
  const strangers = new Set(await nonMembersAmong(db, communityId, [...new Set(mentions)]));
  if (strangers.size === 0) return;
  throw new AppError(
    'validation_failed',
    'errors.discussions.mentionMembersOnly',
    Object.fromEntries(
      mentions.flatMap((id, index) =>
        strangers.has(id) ? [[`mentions.${index}`, 'errors.communities.notAMember']] : [],
      ),
    ),
  );
}

/** Tells the people @mentioned in a post (not its author), in the caller's unit of work. */
export async function notifyMentioned(
  db: Db,
  outbox: Outbox,
  publicUrl: string,
  mentions: string[],
  post: {
    authorId: string;
    authorName: string;
    threadTitle: string;
    body: string;
    url: string;
    communityId?: string | undefined;
  },
): Promise<void> {
  return notifyEach(
    db,
    outbox,
    publicUrl,
    mentions,
    {
      kind: 'discussion.mention',
      title: phrase('notify.discussion.mention.title', {
        name: post.authorName,
        thread: quoted(post.threadTitle),
      }),
      body: excerpt(post.body),
      url: post.url,
      communityId: post.communityId,
    },
    { except: post.authorId },
  );
}
