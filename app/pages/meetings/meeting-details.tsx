import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Meeting } from '../../api/types.ts';
import { Prose } from '../../components/prose.tsx';
import { goingText } from './meeting-badges.tsx';
import { MeetingTime } from './meeting-time.tsx';

function Detail(props: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {props.term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
    </div>
  );
}

/** When and where, how often, how full; the description and the agenda. */
export function MeetingDetails(props: { meeting: Meeting }) {
  const { meeting } = props;
  const cancelled = meeting.status === 'cancelled';
  return (
    <Stack gap="lg">
      {cancelled ? (
        <Alert color="red" variant="light" title="This meeting is cancelled">
          {meeting.cancelReason.trim() ? (
            <Text size="sm" className="plain-text">
              {meeting.cancelReason}
            </Text>
          ) : (
            'It stays here as a record; no one needs to come.'
          )}
        </Alert>
      ) : null}
      <Card component="section" aria-labelledby="when-title">
        <Title order={2} size="h3" id="when-title" mb="sm">
          When and where
        </Title>
        <Stack component="dl" gap="sm" m={0}>
          <Detail term="When">
            <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meeting.timeZone} />
          </Detail>
          {meeting.series ? (
            <Detail term="Repeats">
              {meeting.series.summary} (meeting {meeting.series.position} of {meeting.series.count})
              {meeting.series.exceptions.length > 0
                ? `; skipping ${meeting.series.exceptions.join(', ')}`
                : ''}
            </Detail>
          ) : null}
          {meeting.room ? <Detail term="Room">{meeting.room}</Detail> : null}
          {meeting.onlineUrl ? (
            <Detail term="Online">
              <Anchor href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" inherit>
                Join online
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({meeting.onlineUrl})
              </Text>
            </Detail>
          ) : null}
          {!meeting.room && !meeting.onlineUrl ? <Detail term="Where">Not given yet</Detail> : null}
          <Detail term="Places">
            {goingText(meeting.goingCount, meeting.capacity, meeting.waitlistCount)}
            {meeting.maybeCount > 0 ? ` · ${meeting.maybeCount} maybe` : ''}
          </Detail>
        </Stack>
      </Card>
      <Card component="section" aria-labelledby="about-meeting-title">
        <Title order={2} size="h3" id="about-meeting-title" mb="sm">
          About this meeting
        </Title>
        <Prose html={meeting.descriptionHtml} empty="No description." />
      </Card>
      <Card component="section" aria-labelledby="agenda-title">
        <Title order={2} size="h3" id="agenda-title" mb="sm">
          Agenda
        </Title>
        <Prose html={meeting.agendaHtml} empty="No agenda yet." />
      </Card>
    </Stack>
  );
}
