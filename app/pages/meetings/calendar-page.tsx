import { Button, Card, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiGet, apiSend, errorMessage } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { FeedUrl } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { FeedUrlField } from './feed-url-field.tsx';
import { MeetingList, type MeetingWhen, useMeetingPages } from './meeting-list.tsx';
import './meetings.css';

/** The private iCalendar feed: create it, copy it, reset it (the old address stops) or turn it off. */
function FeedPanel() {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const feed = useQuery({ queryKey: keys.calendarFeed, queryFn: () => apiGet<FeedUrl>('/calendar/feed') });
  const change = useMutation({
    mutationFn: (action: 'create' | 'reset' | 'off') =>
      action === 'off'
        ? apiSend('DELETE', '/calendar/feed').then((): FeedUrl => ({ url: null }))
        : apiSend<FeedUrl>('POST', '/calendar/feed'),
    onMutate: () => setNotice(null),
    onSuccess: (data, action) => {
      queryClient.setQueryData(keys.calendarFeed, data);
      setConfirmReset(false);
      setNotice(
        action === 'create'
          ? 'Your calendar feed is on. Add the address to your calendar app.'
          : action === 'reset'
            ? 'Your feed has a new address; the old one no longer works. Update it in your calendar app.'
            : 'Your calendar feed is off; its address no longer works.',
      );
    },
  });
  const url = feed.data?.url ?? null;
  return (
    <Card component="section" aria-labelledby="feed-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="feed-title">
          Calendar feed
        </Title>
        <Text size="sm">
          A private address your calendar app (Outlook, Google Calendar, Apple Calendar) subscribes to: the
          meetings of all your communities and those you answered, kept up to date.
        </Text>
        <FormAlert message={change.isError ? errorMessage(change.error) : null} />
        <StatusAlert message={notice} />
        {feed.isPending ? (
          <PageLoader label="Loading your feed…" />
        ) : feed.isError ? (
          <LoadError error={feed.error} onRetry={() => void feed.refetch()} />
        ) : url ? (
          <>
            <FeedUrlField
              label="Your calendar feed address"
              url={url}
              description="Anyone with this address can read your meetings: keep it to yourself."
            />
            <Group gap="sm">
              <Button variant="default" onClick={() => setConfirmReset(true)}>
                Reset address
              </Button>
              <Button
                variant="subtle"
                color="red"
                onClick={() => change.mutate('off')}
                loading={change.isPending}
              >
                Turn off feed
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button onClick={() => change.mutate('create')} loading={change.isPending}>
              Create feed address
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={confirmReset}
        onClose={() => setConfirmReset(false)}
        title="Reset your feed address?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            The current address stops working at once, in every calendar app that uses it. You will get a new
            one to add again.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmReset(false)} data-autofocus>
              Keep it
            </Button>
            <Button onClick={() => change.mutate('reset')} loading={change.isPending}>
              Reset address
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** /calendar: the signed-in person's meetings across their communities, past ones with attendance. */
export function CalendarPage() {
  const [when, setWhen] = useState<MeetingWhen>('upcoming');
  const pages = useMeetingPages(keys.calendar, '/calendar', when);
  return (
    <>
      <PageHeader title="Calendar" description="Meetings of your communities, in your time zone." />
      <Stack gap="lg">
        <Tabs
          value={when}
          onChange={(value) => setWhen(value === 'past' ? 'past' : 'upcoming')}
          keepMounted={false}
        >
          <Tabs.List mb="md" aria-label="Which meetings">
            <Tabs.Tab value="upcoming">Upcoming</Tabs.Tab>
            <Tabs.Tab value="past">Past</Tabs.Tab>
          </Tabs.List>
          {(['upcoming', 'past'] as const).map((value) => (
            <Tabs.Panel key={value} value={value}>
              <Card>
                <MeetingList
                  pages={pages}
                  label={value === 'upcoming' ? 'Your upcoming meetings' : 'Your past meetings'}
                  showCommunity
                  showAttended={value === 'past'}
                  empty={
                    <EmptyState
                      title={value === 'upcoming' ? 'Nothing planned' : 'No past meetings'}
                      action={
                        value === 'upcoming' ? (
                          <Button component={Link} to="/communities" variant="light" mt="sm">
                            Find a community
                          </Button>
                        ) : undefined
                      }
                    >
                      {value === 'upcoming'
                        ? 'The meetings of the communities you join appear here.'
                        : 'Meetings you could have attended appear here once they have taken place.'}
                    </EmptyState>
                  }
                />
              </Card>
            </Tabs.Panel>
          ))}
        </Tabs>
        <FeedPanel />
      </Stack>
    </>
  );
}
