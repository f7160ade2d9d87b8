import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useStartMeetingDiscussionMutation } from '../../api/meetings.ts';
import type { Meeting } from '../../api/types.ts';

/** The meeting's follow-up discussion: a link once it exists, or a button for members to start it. */
export function DiscussionCard(props: { meeting: Meeting }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const navigate = useNavigate();
  const startDiscussion = useStartMeetingDiscussionMutation(meeting.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!meeting.discussionId && !meeting.abilities.startDiscussion) return null;

  async function start() {
    setBusy(true);
    setError('');
    try {
      const { id } = await startDiscussion.mutateAsync();
      void navigate(`/discussions/${id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : _('meetings.discussion.startFailed'));
      setBusy(false);
    }
  }

  return (
    <Card component="section" aria-labelledby="meeting-discussion-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="meeting-discussion-title">
          {_('meetings.discussion.title')}
        </Title>
        {meeting.discussionId ? (
          <Anchor component={Link} to={`/discussions/${meeting.discussionId}`}>
            {_('meetings.discussion.open')}
          </Anchor>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {_('meetings.discussion.intro')}
            </Text>
            <Button variant="light" onClick={() => void start()} loading={busy} w="fit-content">
              {_('meetings.discussion.start')}
            </Button>
          </>
        )}
        {error ? (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
