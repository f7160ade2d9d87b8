import type { StoryLinkKind } from '../../../common/contracts/stories.ts';
import type { Db } from '../../db/client.ts';
import { fieldError } from '../../errors.ts';
import { findLinkableIds, type StoryLinkIds } from '../../queries/stories.ts';

const fieldOf: Record<StoryLinkKind, keyof StoryLinkIds> = {
  meeting: 'meetingIds',
  thread: 'threadIds',
  resource: 'resourceIds',
};

/**
 * The story's links without repeats, checked: every one a meeting, thread or resource of this community
 * that the author may see. One that is not (unknown, another community's, deleted, hidden from them)
 * is refused naming its field, before anything is written.
 */
export async function checkStoryLinks(
  db: Db,
  communityId: string,
  links: StoryLinkIds,
  seesHidden: boolean,
): Promise<StoryLinkIds> {
  const wanted: StoryLinkIds = {
    meetingIds: [...new Set(links.meetingIds)],
    threadIds: [...new Set(links.threadIds)],
    resourceIds: [...new Set(links.resourceIds)],
  };
  const found = await findLinkableIds(db, communityId, wanted, seesHidden);
  const known = new Set(found.map((row) => `${row.kind}:${row.id}`));
  for (const kind of ['meeting', 'thread', 'resource'] as const) {
    const field = fieldOf[kind];
    if (wanted[field].some((id) => !known.has(`${kind}:${id}`)))
      throw fieldError(field, 'stories.errors.linkNotFound');
  }
  return wanted;
}
