import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMyCircleMeetings } from '../../api/circles.ts';
import { errorMessage } from '../../api/client.ts';
import {
  type MeetingWhen,
  useCalendarFeed,
  useCalendarFeedMutation,
  useCalendarMeetings,
} from '../../api/meetings.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';
import { SessionsForYourSkills } from '../mentoring/skill-sessions.tsx';
import { FeedUrlField } from './feed-url-field.tsx';
import { MeetingList, MeetingWhenTabs } from './meeting-list.tsx';
import './meetings.css';

/** The private iCalendar feed: create it, copy it, reset it (the old address stops) or turn it off. */
function FeedPanel() {
  const { _ } = useLingui();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const feed = useCalendarFeed();
  const change = useCalendarFeedMutation();
  const run = (action: 'create' | 'reset' | 'off') => {
    setNotice(null);
    change.mutate(action, {
      onSuccess: () => {
        setConfirmReset(false);
        setNotice(
          action === 'create'
            ? _('meetings.calendar.feedOn')
            : action === 'reset'
              ? _('meetings.calendar.feedReset')
              : _('meetings.calendar.feedOff'),
        );
      },
    });
  };
  const url = feed.data?.url ?? null;
  return (
    <Card component="section" aria-labelledby="feed-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="feed-title">
          {_('meetings.calendar.feedTitle')}
        </Title>
        <Text size="sm">{_('meetings.calendar.feedIntro')}</Text>
        <FormAlert message={change.isError ? errorMessage(change.error) : null} />
        <StatusAlert message={notice} />
        {feed.isPending ? (
          <PageLoader label={_('meetings.calendar.loadingFeed')} />
        ) : feed.isError ? (
          <LoadError error={feed.error} onRetry={() => void feed.refetch()} />
        ) : url ? (
          <>
            <FeedUrlField
              label={_('meetings.calendar.feedAddress')}
              url={url}
              description={_('meetings.calendar.feedPrivate')}
            />
            <Group gap="sm">
              <Button variant="default" onClick={() => setConfirmReset(true)}>
                {_('meetings.calendar.reset')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => run('off')} loading={change.isPending}>
                {_('meetings.calendar.off')}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button onClick={() => run('create')} loading={change.isPending}>
              {_('meetings.calendar.create')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={confirmReset}
        onClose={() => setConfirmReset(false)}
        title={_('meetings.calendar.resetTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{_('meetings.calendar.resetBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmReset(false)} data-autofocus>
              {_('meetings.calendar.keep')}
            </Button>
            <Button onClick={() => run('reset')} loading={change.isPending}>
              {_('meetings.calendar.reset')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/**
 * The upcoming meetings of the reader's peer learning circles (#18 §3), each linking to its circle;
 * shown only when there are some (they are private to the circle's members).
 */
function CircleMeetings() {
  const { _ } = useLingui();
  const meetings = useMyCircleMeetings();
  if (meetings.isError) return <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} />;
  if (!meetings.data || meetings.data.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="circle-meetings-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="circle-meetings-title">
          {_('meetings.calendar.circlesTitle')}
        </Title>
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {meetings.data.map((meeting) => (
            <li key={meeting.id}>
              <Anchor component={Link} to={`/circles/${meeting.circle.id}`} fw={600}>
                {meeting.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {_('meetings.calendar.circleWhen', {
                  when: dateTime(meeting.startsAt),
                  circle: meeting.circle.name,
                  community: meeting.communityName,
                })}
                {meeting.place ? ` · ${meeting.place}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

/** /calendar: the signed-in person's meetings across their communities, past ones with attendance. */
export function CalendarPage() {
  const { _ } = useLingui();
  const [when, setWhen] = useState<MeetingWhen>('upcoming');
  const pages = useCalendarMeetings(when);
  return (
    <>
      <PageHeader title={_('meetings.calendar.title')} description={_('meetings.calendar.description')} />
      <Stack gap="lg">
        <MeetingWhenTabs value={when} onChange={setWhen} mb="md">
          {(value) => (
            <Card>
              <MeetingList
                pages={pages}
                label={
                  value === 'upcoming' ? _('meetings.calendar.listUpcoming') : _('meetings.calendar.listPast')
                }
                showCommunity
                showAttended={value === 'past'}
                empty={
                  <EmptyState
                    title={
                      value === 'upcoming'
                        ? _('meetings.calendar.nothingPlanned')
                        : _('meetings.calendar.noPast')
                    }
                    action={
                      value === 'upcoming' ? (
                        <Button component={Link} to="/communities" variant="light" mt="sm">
                          {_('meetings.calendar.findCommunity')}
                        </Button>
                      ) : undefined
                    }
                  >
                    {value === 'upcoming'
                      ? _('meetings.calendar.upcomingEmpty')
                      : _('meetings.calendar.pastEmpty')}
                  </EmptyState>
                }
              />
            </Card>
          )}
        </MeetingWhenTabs>
        <CircleMeetings />
        <SessionsForYourSkills />
        <FeedPanel />
      </Stack>
    </>
  );
}
