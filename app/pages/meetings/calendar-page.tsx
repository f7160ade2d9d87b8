import { useLingui } from '@lingui/react';
import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
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
        <FeedPanel />
      </Stack>
    </>
  );
}
