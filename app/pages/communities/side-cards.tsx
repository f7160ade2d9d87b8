import { ActionItemsCard } from '../checkins/action-items-card.tsx';
import { MilestonesCard } from '../milestones/milestones-card.tsx';

/**
 * The About tab's cards below the fold, loaded after the page in one chunk (the community page's
 * first-load budget): the action items with "You said, we did" (members), and the milestones.
 */
export function SideCards(props: { slug: string }) {
  return (
    <>
      <ActionItemsCard slug={props.slug} />
      <MilestonesCard slug={props.slug} />
    </>
  );
}
