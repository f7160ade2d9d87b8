import { useLingui } from '@lingui/react';
import { Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MeetingWhen, useCalendarMeetings } from '../../api/meetings.ts';
import type { MeetingCard } from '../../api/types.ts';
import { PagedList } from '../../components/list-page/index.ts';
import { i18n } from '../../i18n/i18n.ts';
import { CancelledBadge, goingText, KindBadge, MyRsvpBadge } from './meeting-badges.tsx';
import { MeetingTime } from './meeting-time.tsx';

/** "Room 2.14 and Online", "Room 2.14", "Online" or nothing, in the language shown. */
function where(meeting: MeetingCard): string {
  if (meeting.room && meeting.onlineUrl) return i18n._('meetings.list.roomAndOnline', { room: meeting.room });
  if (meeting.onlineUrl) return i18n._('meetings.list.online');
  return meeting.room ?? '';
}

function MeetingRow(props: { meeting: MeetingCard; showCommunity: boolean; showAttended: boolean }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const cancelled = meeting.status === 'cancelled';
  const place = where(meeting);
  return (
    <li>
      <Stack gap={4} py="sm">
        <Group gap="xs" wrap="wrap">
          <Anchor
            component={Link}
            to={`/meetings/${meeting.id}`}
            fw={650}
            td={cancelled ? 'line-through' : undefined}
          >
            {meeting.title}
          </Anchor>
          {cancelled ? <CancelledBadge /> : null}
          <KindBadge kind={meeting.kind} />
          {meeting.recurring ? (
            <Badge color="gray" variant="light" tt="none" size="sm">
              {_('meetings.list.repeats')}
            </Badge>
          ) : null}
          {meeting.myRsvp && !cancelled ? <MyRsvpBadge status={meeting.myRsvp} /> : null}
          {props.showAttended ? (
            <Badge color={meeting.attended ? 'forest' : 'gray'} variant="light" tt="none" size="sm">
              {meeting.attended === true
                ? _('meetings.list.attended')
                : meeting.attended === false
                  ? _('meetings.list.notAttended')
                  : _('meetings.list.notRecorded')}
            </Badge>
          ) : null}
        </Group>
        <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meeting.timeZone} />
        <Text size="sm" c="dimmed">
          {[
            props.showCommunity ? meeting.community.name : null,
            place || null,
            cancelled ? null : goingText(meeting.goingCount, meeting.capacity, meeting.waitlistCount),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </li>
  );
}

/**
 * A list of meetings from `useCommunityMeetings` or `useCalendarMeetings`, with loading, error and empty states and "Show more".
 * `label` names the list for screen readers; `empty` shows when there are none.
 */
export function MeetingList(props: {
  pages: ReturnType<typeof useCalendarMeetings>;
  label: string;
  empty: ReactNode;
  showCommunity?: boolean;
  showAttended?: boolean;
}) {
  const { _ } = useLingui();
  return (
    <PagedList
      query={props.pages}
      loadingLabel={_('meetings.list.loading')}
      empty={props.empty}
      gap="sm"
      more={{ label: _('meetings.list.showMore'), align: 'start' }}
    >
      {(meetings) => (
        <ul className="row-list" aria-label={props.label}>
          {meetings.map((meeting) => (
            <MeetingRow
              key={meeting.id}
              meeting={meeting}
              showCommunity={props.showCommunity ?? false}
              showAttended={props.showAttended ?? false}
            />
          ))}
        </ul>
      )}
    </PagedList>
  );
}

/**
 * Upcoming or past meetings, as tabs over a MeetingList (the community's, the person's calendar):
 * `children` draws the list of the tab chosen, each tab's anew.
 */
export function MeetingWhenTabs(props: {
  value: MeetingWhen;
  onChange: (when: MeetingWhen) => void;
  /** Space under the tabs. */
  mb: 'sm' | 'md';
  children: (when: MeetingWhen) => ReactNode;
}) {
  const { _ } = useLingui();
  return (
    <Tabs
      value={props.value}
      onChange={(value) => props.onChange(value === 'past' ? 'past' : 'upcoming')}
      keepMounted={false}
    >
      <Tabs.List mb={props.mb} aria-label={_('meetings.when.which')}>
        <Tabs.Tab value="upcoming">{_('meetings.when.upcoming')}</Tabs.Tab>
        <Tabs.Tab value="past">{_('meetings.when.past')}</Tabs.Tab>
      </Tabs.List>
      {(['upcoming', 'past'] as const).map((value) => (
        <Tabs.Panel key={value} value={value}>
          {props.children(value)}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
