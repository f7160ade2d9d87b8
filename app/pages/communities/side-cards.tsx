import { ActionItemsCard } from '../checkins/action-items-card.tsx';
import { MilestonesCard } from '../milestones/milestones-card.tsx';
import { SuggestionsCard } from '../stories/suggestions-card.tsx';
import { useCommunity } from './community-context.ts';

/**
 * The About tab's cards below the fold, loaded after the page in one chunk (the community page's
 * first-load budget): the leaders' suggestions (#17 §3), the action items with "You said, we did"
 * (members), and the milestones.
 */
export function SideCards(props: { slug: string }) {
  const { home } = useCommunity();
  return (
    <>
      <SuggestionsCard home={home} />
      <ActionItemsCard slug={props.slug} />
      <MilestonesCard slug={props.slug} />
    </>
  );
}
