import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type MeetingWhen, useCalendarFeed, useCommunityMeetings } from '../../api/meetings.ts';
import { useMe } from '../../api/queries.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { ActivityRolesCard } from './activity-roles-card.tsx';
import { FeedUrlField, feedToken } from './feed-url-field.tsx';
import { MeetingList, MeetingWhenTabs } from './meeting-list.tsx';

/** The community's calendar feed: open for a public community, with the member's token otherwise. */
function CommunityFeed() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  const me = useMe();
  const isPublic = home.community.visibility === 'public';
  const feed = useCalendarFeed(!isPublic && Boolean(me.data));
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
        {_('meetings.calendar.feedTitle')}
      </Title>
      {url ? (
        <Stack gap="xs">
          <Text size="sm">{_('meetings.tab.subscribe', { community: home.community.name })}</Text>
          <FeedUrlField label={_('meetings.tab.feedLabel')} url={url} />
          {!isPublic ? (
            <Text size="xs" c="dimmed">
              <Trans
                id="meetings.tab.privateKey"
                components={{ link: <Anchor component={Link} to="/calendar" inherit /> }}
              />
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm">
          {me.data ? (
            <Trans
              id="meetings.tab.notPublic"
              components={{ link: <Anchor component={Link} to="/calendar" /> }}
            />
          ) : (
            _('meetings.tab.signIn')
          )}
        </Text>
      )}
    </Card>
  );
}

/** /communities/:slug/meetings: upcoming and past meetings, scheduling, and the community's feed. */
export function MeetingsTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('meetings.tab.documentTitle', { community: home.community.name }));
  const [when, setWhen] = useState<MeetingWhen>('upcoming');
  const pages = useCommunityMeetings(slug, when);
  const canSchedule = home.viewer.canScheduleMeeting;
  return (
    <Stack gap="lg">
      <Card component="section" aria-labelledby="meetings-title">
        <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="meetings-title">
            {_('meetings.tab.title')}
          </Title>
          {canSchedule ? (
            <Button component={Link} to={`/communities/${slug}/meetings/new`}>
              {_('meetings.newMeeting.title')}
            </Button>
          ) : null}
        </Group>
        <MeetingWhenTabs value={when} onChange={setWhen} mb="sm">
          {(value) => (
            <MeetingList
              pages={pages}
              label={value === 'upcoming' ? _('meetings.tab.listUpcoming') : _('meetings.tab.listPast')}
              empty={
                <Text size="sm" c="dimmed" py="sm">
                  {value === 'past'
                    ? _('meetings.tab.pastEmpty')
                    : canSchedule
                      ? _('meetings.tab.emptyCanSchedule')
                      : _('meetings.upcoming.none')}
                </Text>
              }
            />
          )}
        </MeetingWhenTabs>
      </Card>
      <CommunityFeed />
      {home.viewer.canManage && home.community.stage !== 'archived' ? (
        <ActivityRolesCard slug={slug} />
      ) : null}
    </Stack>
  );
}
