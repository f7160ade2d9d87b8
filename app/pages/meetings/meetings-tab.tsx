import { Anchor, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { keys, useMe } from '../../api/queries.ts';
import type { FeedUrl } from '../../api/types.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { ActivityRolesCard } from './activity-roles-card.tsx';
import { FeedUrlField, feedToken } from './feed-url-field.tsx';
import { MeetingList, type MeetingWhen, useMeetingPages } from './meeting-list.tsx';

/** The community's calendar feed: open for a public community, with the member's token otherwise. */
function CommunityFeed() {
  const { home, slug } = useCommunity();
  const me = useMe();
  const isPublic = home.community.visibility === 'public';
  const feed = useQuery({
    queryKey: keys.calendarFeed,
    queryFn: () => apiGet<FeedUrl>('/calendar/feed'),
    enabled: !isPublic && Boolean(me.data),
  });
  const path = `/api/communities/${slug}/calendar.ics`;
  const token = feedToken(feed.data?.url);
  const url = isPublic
    ? `${window.location.origin}${path}`
    : token
      ? `${window.location.origin}${path}?token=${token}`
      : null;
  return (
    <Card component="section" aria-labelledby="feed-title">
      <Title order={2} size="h3" id="feed-title" mb="xs">
        Calendar feed
      </Title>
      {url ? (
        <Stack gap="xs">
          <Text size="sm">
            Subscribe in your calendar app to see {home.community.name}’s meetings there as they are scheduled
            and changed.
          </Text>
          <FeedUrlField label="Community calendar address" url={url} />
          {!isPublic ? (
            <Text size="xs" c="dimmed">
              This address carries your private feed key: do not share it. Reset it on your{' '}
              <Anchor component={Link} to="/calendar" inherit>
                Calendar page
              </Anchor>{' '}
              if it leaks.
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm">
          {me.data ? (
            <>
              This community is not public, so its feed needs your private calendar key. Turn on your feed on
              your{' '}
              <Anchor component={Link} to="/calendar">
                Calendar page
              </Anchor>
              : it already holds the meetings of all your communities.
            </>
          ) : (
            'Sign in to subscribe to this community’s meetings.'
          )}
        </Text>
      )}
    </Card>
  );
}

/** /communities/:slug/meetings: upcoming and past meetings, scheduling, and the community's feed. */
export function MeetingsTab() {
  const { home, slug } = useCommunity();
  useDocumentTitle(`Meetings · ${home.community.name}`);
  const [when, setWhen] = useState<MeetingWhen>('upcoming');
  const pages = useMeetingPages(keys.communityMeetings(slug), `/communities/${slug}/meetings`, when);
  const canSchedule = home.viewer.canScheduleMeeting;
  return (
    <Stack gap="lg">
      <Card component="section" aria-labelledby="meetings-title">
        <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="meetings-title">
            Meetings
          </Title>
          {canSchedule ? (
            <Button component={Link} to={`/communities/${slug}/meetings/new`}>
              Schedule a meeting
            </Button>
          ) : null}
        </Group>
        <Tabs
          value={when}
          onChange={(value) => setWhen(value === 'past' ? 'past' : 'upcoming')}
          keepMounted={false}
        >
          <Tabs.List mb="sm" aria-label="Which meetings">
            <Tabs.Tab value="upcoming">Upcoming</Tabs.Tab>
            <Tabs.Tab value="past">Past</Tabs.Tab>
          </Tabs.List>
          {(['upcoming', 'past'] as const).map((value) => (
            <Tabs.Panel key={value} value={value}>
              <MeetingList
                pages={pages}
                label={value === 'upcoming' ? 'Upcoming meetings' : 'Past meetings'}
                empty={
                  <Text size="sm" c="dimmed" py="sm">
                    {value === 'past'
                      ? 'No past meetings yet: meetings appear here once they have taken place.'
                      : canSchedule
                        ? 'No meetings planned yet. Schedule the first one: members can answer whether they are coming.'
                        : 'No meetings planned yet.'}
                  </Text>
                }
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
      <CommunityFeed />
      {home.viewer.canManage && home.community.stage !== 'archived' ? (
        <ActivityRolesCard slug={slug} />
      ) : null}
    </Stack>
  );
}
