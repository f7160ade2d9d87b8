import { useLingui } from '@lingui/react';
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
  const { _ } = useLingui();
  const { meeting } = props;
  const cancelled = meeting.status === 'cancelled';
  return (
    <Stack gap="lg">
      {cancelled ? (
        <Alert color="red" variant="light" title={_('meetings.details.cancelledTitle')}>
          {meeting.cancelReason.trim() ? (
            <Text size="sm" className="plain-text">
              {meeting.cancelReason}
            </Text>
          ) : (
            _('meetings.details.cancelledBody')
          )}
        </Alert>
      ) : null}
      <Card component="section" aria-labelledby="when-title">
        <Title order={2} size="h3" id="when-title" mb="sm">
          {_('meetings.details.whenAndWhere')}
        </Title>
        <Stack component="dl" gap="sm" m={0}>
          <Detail term={_('meetings.details.when')}>
            <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meeting.timeZone} />
          </Detail>
          {meeting.series ? (
            <Detail term={_('meetings.details.repeats')}>
              {_('meetings.details.series', {
                summary: meeting.series.summary,
                position: meeting.series.position,
                count: meeting.series.count,
                skipping:
                  meeting.series.exceptions.length > 0 ? meeting.series.exceptions.join(', ') : 'none',
              })}
            </Detail>
          ) : null}
          {meeting.room ? <Detail term={_('meetings.details.room')}>{meeting.room}</Detail> : null}
          {meeting.onlineUrl ? (
            <Detail term={_('meetings.details.online')}>
              <Anchor href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" inherit>
                {_('meetings.details.joinOnline')}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({meeting.onlineUrl})
              </Text>
            </Detail>
          ) : null}
          {!meeting.room && !meeting.onlineUrl ? (
            <Detail term={_('meetings.details.where')}>{_('meetings.details.notGiven')}</Detail>
          ) : null}
          <Detail term={_('meetings.details.places')}>
            {goingText(meeting.goingCount, meeting.capacity, meeting.waitlistCount)}
            {meeting.maybeCount > 0 ? ` · ${_('meetings.details.maybe', { count: meeting.maybeCount })}` : ''}
          </Detail>
        </Stack>
      </Card>
      <Card component="section" aria-labelledby="about-meeting-title">
        <Title order={2} size="h3" id="about-meeting-title" mb="sm">
          {_('meetings.details.about')}
        </Title>
        <Prose html={meeting.descriptionHtml} empty={_('meetings.details.noDescription')} />
      </Card>
      <Card component="section" aria-labelledby="agenda-title">
        <Title order={2} size="h3" id="agenda-title" mb="sm">
          {_('meetings.details.agenda')}
        </Title>
        <Prose html={meeting.agendaHtml} empty={_('meetings.details.noAgenda')} />
      </Card>
    </Stack>
  );
}
