import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { type RsvpAnswer, rsvpAnswers } from '../../../common/enums.ts';
import { apiSend } from '../../api/client.ts';
import { keys, useMe } from '../../api/queries.ts';
import type { Meeting, RsvpResult } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

const answerLabels: Record<RsvpAnswer, string> = { going: 'Going', maybe: 'Maybe', not_going: 'Not going' };

/** What the viewer's answer means, in a sentence. */
function standing(status: RsvpResult['status'] | null, position: number | null): string | null {
  switch (status) {
    case 'going':
      return 'You are going.';
    case 'maybe':
      return 'You might come.';
    case 'not_going':
      return 'You are not going.';
    case 'waitlisted':
      return `The meeting is full: you are on the wait list (position ${position ?? '?'}). You will be told if a place frees up.`;
    default:
      return null;
  }
}

/** Are you going? Three answers, the viewer's place, and the meeting as a calendar file. */
export function RsvpPanel(props: { meeting: Meeting; started: boolean }) {
  const { meeting } = props;
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const form = useFormState();
  const [notice, setNotice] = useState<string | null>(null);
  const cancelled = meeting.status === 'cancelled';

  const answer = async (value: RsvpAnswer) => {
    setNotice(null);
    const result = await form.run(() =>
      apiSend<RsvpResult>('PUT', `/meetings/${meeting.id}/rsvp`, { answer: value }),
    );
    if (!result) return;
    setNotice(standing(result.status, result.waitlistPosition));
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.meeting(meeting.id) }),
      queryClient.invalidateQueries({ queryKey: keys.calendar }),
      queryClient.invalidateQueries({ queryKey: keys.communityMeetings(meeting.community.slug) }),
    ]);
  };

  const current = standing(meeting.myRsvp, meeting.waitlistPosition);
  return (
    <Card component="section" aria-labelledby="rsvp-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="rsvp-title">
          {props.started ? 'Your answer' : 'Are you going?'}
        </Title>
        <FormAlert message={form.message} />
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
                  disabled={form.busy}
                >
                  {answerLabels[value]}
                </Button>
              );
            })}
          </Group>
        ) : null}
        {notice ? <StatusAlert message={notice} /> : current ? <Text size="sm">{current}</Text> : null}
        {!meeting.abilities.rsvp ? (
          <Text size="sm" c="dimmed">
            {cancelled
              ? 'The meeting is cancelled.'
              : props.started
                ? 'This meeting has started or taken place.'
                : me.data === null
                  ? null
                  : meeting.suspendedFromCommunity
                    ? `You are suspended from ${meeting.community.name}: you cannot answer until the suspension ends.`
                    : `Join ${meeting.community.name} to answer.`}
            {me.data === null && !cancelled && !props.started ? (
              <>
                <Anchor component={Link} to={`/signin?next=${encodeURIComponent(location.pathname)}`}>
                  Sign in
                </Anchor>{' '}
                to answer.
              </>
            ) : null}
          </Text>
        ) : null}
        <Anchor href={`/api/meetings/${meeting.id}/ics`} download size="sm">
          Add to calendar (.ics)
        </Anchor>
      </Stack>
    </Card>
  );
}
