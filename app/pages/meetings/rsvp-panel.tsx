import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { type RsvpAnswer, rsvpAnswers, rsvpStatusMessages } from '../../../common/enums.ts';
import { useRsvpMutation } from '../../api/meetings.ts';
import { useMe } from '../../api/queries.ts';
import type { Meeting, RsvpResult } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { i18n } from '../../i18n/i18n.ts';

/** What the viewer's answer means, in a sentence (in the language shown). */
function standing(status: RsvpResult['status'] | null, position: number | null): string | null {
  switch (status) {
    case 'going':
      return i18n._('meetings.rsvp.going');
    case 'maybe':
      return i18n._('meetings.rsvp.maybe');
    case 'not_going':
      return i18n._('meetings.rsvp.notGoing');
    case 'waitlisted':
      return i18n._('meetings.rsvp.waitlisted', { position: position ?? '?' });
    default:
      return null;
  }
}

/** Are you going? Three answers, the viewer's place, and the meeting as a calendar file. */
export function RsvpPanel(props: { meeting: Meeting; started: boolean }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const me = useMe();
  const location = useLocation();
  const rsvp = useRsvpMutation(meeting.id, meeting.community.slug);
  const action = useApiAction();
  const [notice, setNotice] = useState<string | null>(null);
  const cancelled = meeting.status === 'cancelled';

  const answer = async (value: RsvpAnswer) => {
    setNotice(null);
    const result = await action.run(() => rsvp.mutateAsync(value));
    if (!result) return;
    setNotice(standing(result.status, result.waitlistPosition));
  };

  const current = standing(meeting.myRsvp, meeting.waitlistPosition);
  return (
    <Card component="section" aria-labelledby="rsvp-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="rsvp-title">
          {props.started ? _('meetings.rsvp.titleStarted') : _('meetings.rsvp.title')}
        </Title>
        <FormAlert message={action.message} />
        {meeting.abilities.rsvp ? (
          <Group gap="xs" role="group" aria-labelledby="rsvp-title">
            {rsvpAnswers.map((value) => {
              const chosen =
                meeting.myRsvp === value || (value === 'going' && meeting.myRsvp === 'waitlisted');
              return (
                <Button
                  key={value}
                  variant={chosen ? 'filled' : 'default'}
                  aria-pressed={chosen}
                  onClick={() => void answer(value)}
                  disabled={action.busy}
                >
                  {_(rsvpStatusMessages[value])}
                </Button>
              );
            })}
          </Group>
        ) : null}
        {notice ? <StatusAlert message={notice} /> : current ? <Text size="sm">{current}</Text> : null}
        {!meeting.abilities.rsvp ? (
          <Text size="sm" c="dimmed">
            {cancelled
              ? _('meetings.rsvp.cancelled')
              : props.started
                ? _('meetings.rsvp.started')
                : me.data === null
                  ? null
                  : meeting.suspendedFromCommunity
                    ? _('meetings.rsvp.suspended', { community: meeting.community.name })
                    : _('meetings.rsvp.join', { community: meeting.community.name })}
            {me.data === null && !cancelled && !props.started ? (
              <Trans
                id="meetings.rsvp.signIn"
                components={{
                  link: (
                    <Anchor component={Link} to={`/signin?next=${encodeURIComponent(location.pathname)}`} />
                  ),
                }}
              />
            ) : null}
          </Text>
        ) : null}
        <Anchor href={`/api/meetings/${meeting.id}/ics`} download size="sm">
          {_('meetings.rsvp.addToCalendar')}
        </Anchor>
      </Stack>
    </Card>
  );
}
