import { useLingui } from '@lingui/react';
import { useStartMeetingDiscussionMutation } from '../../api/meetings.ts';
import type { Meeting } from '../../api/types.ts';
import { AttachedDiscussion } from '../../components/attached-discussion.tsx';

/** The meeting's follow-up discussion: a link once it exists, or a button for members to start it. */
export function DiscussionCard(props: { meeting: Meeting }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const startDiscussion = useStartMeetingDiscussionMutation(meeting.id);
  return (
    <AttachedDiscussion
      headingId="meeting-discussion-title"
      title={_('meetings.discussion.title')}
      threadId={meeting.discussionId}
      canStart={meeting.abilities.startDiscussion}
      intro={_('meetings.discussion.intro')}
      startLabel={_('meetings.discussion.start')}
      openLabel={_('meetings.discussion.open')}
      failedLabel={_('meetings.discussion.startFailed')}
      start={() => startDiscussion.mutateAsync()}
    />
  );
}
