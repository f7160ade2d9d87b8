import { Trans, useLingui } from '@lingui/react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { resourceKindMessages } from '../../common/enums.ts';
import { useWhatsNew } from '../api/home.ts';
import type { MeetingCard, WhatsNew, WhatsNewThread } from '../api/types.ts';
import { LoadError, PageLoader } from '../components/page-states.tsx';
import { dateTime, momentIn, relativeTime } from '../lib/dates.ts';
import { useViewerZone } from './meetings/meeting-time.tsx';
import { Celebrations } from './milestones/celebrations.tsx';

const rowBorder = { borderTop: '1px solid var(--mantine-color-gray-3)' };

/** One part of the section: a titled card with a list, or a short note when the list is empty. */
function Part(props: { id: string; title: string; count: number; empty: ReactNode; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={props.id}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={props.id}>
          {props.title}
        </Title>
        {props.count === 0 ? (
          <Text size="sm" c="dimmed">
            {props.empty}
          </Text>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{props.children}</ul>
        )}
      </Stack>
    </Card>
  );
}

function CommunityLink(props: { community: { slug: string; name: string } }) {
  return (
    <Anchor component={Link} to={`/communities/${props.community.slug}`} inherit>
      {props.community.name}
    </Anchor>
  );
}

function AnnouncementRow(props: { thread: WhatsNewThread; first: boolean }) {
  const { thread } = props;
  return (
    <li style={props.first ? undefined : rowBorder}>
      <Stack gap={2} py="xs">
        <Anchor
          component={Link}
          to={`/discussions/${thread.id}`}
          fw={thread.unread ? 750 : 600}
          style={{ overflowWrap: 'anywhere' }}
        >
          {thread.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          <CommunityLink community={thread.community} /> ·{' '}
          <time dateTime={thread.createdAt} title={dateTime(thread.createdAt)}>
            {relativeTime(thread.createdAt)}
          </time>
        </Text>
      </Stack>
    </li>
  );
}

function ActiveThreadRow(props: { thread: WhatsNewThread; first: boolean }) {
  const { _ } = useLingui();
  const { thread } = props;
  return (
    <li style={props.first ? undefined : rowBorder}>
      <Stack gap={2} py="xs">
        <Group gap="xs" wrap="wrap">
          <Anchor
            component={Link}
            to={`/discussions/${thread.id}`}
            fw={thread.unread ? 750 : 600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {thread.title}
          </Anchor>
          {thread.unread ? (
            <Badge color="red" variant="filled" tt="none" size="sm">
              {_('home.whatsNew.unread')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          <CommunityLink community={thread.community} /> ·{' '}
          {_('home.whatsNew.replies', { count: thread.replyCount })}
        </Text>
      </Stack>
    </li>
  );
}

type FeaturedResource = WhatsNew['featuredResources'][number];

function FeaturedResourceRow(props: { resource: FeaturedResource; first: boolean }) {
  const { _ } = useLingui();
  const { resource } = props;
  return (
    <li style={props.first ? undefined : rowBorder}>
      <Stack gap={2} py="xs">
        <Anchor
          component={Link}
          to={`/resources/${resource.id}`}
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
        >
          {resource.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {_(resourceKindMessages[resource.kind])} · <CommunityLink community={resource.community} />
        </Text>
      </Stack>
    </li>
  );
}

function MeetingRow(props: { meeting: MeetingCard; zone: string; first: boolean }) {
  const { meeting } = props;
  return (
    <li style={props.first ? undefined : rowBorder}>
      <Stack gap={2} py="xs">
        <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {meeting.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          <CommunityLink community={meeting.community} /> ·{' '}
          <time dateTime={meeting.startsAt}>{momentIn(meeting.startsAt, props.zone)}</time>
        </Text>
      </Stack>
    </li>
  );
}

/**
 * "What's new in your communities" on the signed-in home: announcements, active discussions, meetings
 * and featured Toolkit resources.
 */
export function WhatsNewSection() {
  const { _ } = useLingui();
  const query = useWhatsNew();
  const zone = useViewerZone();
  let body: ReactNode;
  if (query.isPending) body = <PageLoader label={_('home.whatsNew.loading')} />;
  else if (query.isError) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const { announcements, activeThreads, upcomingMeetings, featuredResources, celebrations } = query.data;
    body = (
      <>
        <Celebrations celebrations={celebrations} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
          <Part
            id="whats-new-announcements"
            title={_('home.whatsNew.announcements')}
            count={announcements.length}
            empty={_('home.whatsNew.announcementsEmpty')}
          >
            {announcements.map((thread, index) => (
              <AnnouncementRow key={thread.id} thread={thread} first={index === 0} />
            ))}
          </Part>
          <Part
            id="whats-new-discussions"
            title={_('home.whatsNew.discussions')}
            count={activeThreads.length}
            empty={
              <Trans
                id="home.whatsNew.discussionsEmpty"
                components={{ link: <Anchor component={Link} to="/communities" inherit /> }}
              />
            }
          >
            {activeThreads.map((thread, index) => (
              <ActiveThreadRow key={thread.id} thread={thread} first={index === 0} />
            ))}
          </Part>
          <Part
            id="whats-new-meetings"
            title={_('home.whatsNew.meetings')}
            count={upcomingMeetings.length}
            empty={
              <Trans
                id="home.whatsNew.meetingsEmpty"
                components={{ link: <Anchor component={Link} to="/calendar" inherit /> }}
              />
            }
          >
            {upcomingMeetings.map((meeting, index) => (
              <MeetingRow key={meeting.id} meeting={meeting} zone={zone} first={index === 0} />
            ))}
          </Part>
          <Part
            id="whats-new-resources"
            title={_('home.whatsNew.resources')}
            count={featuredResources.length}
            empty={_('home.whatsNew.resourcesEmpty')}
          >
            {featuredResources.map((resource, index) => (
              <FeaturedResourceRow key={resource.id} resource={resource} first={index === 0} />
            ))}
          </Part>
        </SimpleGrid>
      </>
    );
  }
  return (
    <Stack component="section" aria-labelledby="whats-new-title" gap="md" mb="xl">
      <Title order={2} id="whats-new-title">
        {_('home.whatsNew.title')}
      </Title>
      {body}
      {query.isSuccess && query.data.upcomingMeetings.length > 0 ? (
        <Text size="sm">
          <Trans
            id="home.whatsNew.calendar"
            components={{ link: <Anchor component={Link} to="/calendar" /> }}
          />
        </Text>
      ) : null}
    </Stack>
  );
}
