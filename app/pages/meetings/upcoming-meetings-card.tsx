import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { CommunityHome } from '../../api/types.ts';
import { CancelledBadge, KindBadge } from './meeting-badges.tsx';
import { MeetingTime } from './meeting-time.tsx';

/** The community home's next meetings (cancelled ones marked), with a way to all of them. */
export function UpcomingMeetingsCard(props: { home: CommunityHome; slug: string }) {
  const { _ } = useLingui();
  const { upcomingMeetings, viewer } = props.home;
  const next = upcomingMeetings.find((meeting) => meeting.status === 'scheduled');
  return (
    <Card component="section" aria-labelledby="upcoming-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="upcoming-title">
          {_('meetings.upcoming.title')}
        </Title>
        {upcomingMeetings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {_('meetings.upcoming.none')}
          </Text>
        ) : (
          <ul className="row-list" aria-labelledby="upcoming-title">
            {upcomingMeetings.map((meeting) => (
              <li key={meeting.id}>
                <Stack gap={2} py={6}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/meetings/${meeting.id}`} size="sm" fw={650}>
                      {meeting.title}
                    </Anchor>
                    {meeting.status === 'cancelled' ? <CancelledBadge /> : null}
                    {meeting.id === next?.id ? (
                      <Text span size="xs" c="dimmed">
                        {_('meetings.upcoming.next')}
                      </Text>
                    ) : null}
                    <KindBadge kind={meeting.kind} />
                  </Group>
                  <MeetingTime
                    startsAt={meeting.startsAt}
                    endsAt={meeting.endsAt}
                    timeZone={meeting.timeZone}
                  />
                </Stack>
              </li>
            ))}
          </ul>
        )}
        <Group gap="sm">
          <Anchor component={Link} to={`/communities/${props.slug}/meetings`} size="sm">
            {_('meetings.upcoming.all')}
          </Anchor>
          {viewer.canScheduleMeeting ? (
            <Button component={Link} to={`/communities/${props.slug}/meetings/new`} size="xs" variant="light">
              {_('meetings.newMeeting.title')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
