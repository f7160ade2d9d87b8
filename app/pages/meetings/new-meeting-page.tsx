import { Anchor, Button, Card, Group, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { apiSend } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import type { Meeting } from '../../api/types.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useFormState } from '../../hooks/use-form-state.ts';
import { viewerZone } from '../../lib/dates.ts';
import { useCommunity } from '../communities/community-context.ts';
import { refreshMeetingLists } from './meeting-cache.ts';
import { MeetingForm } from './meeting-form.tsx';
import { emptyMeetingValues, scheduleFormSchema, toScheduleBody } from './meeting-form-values.ts';
import './meetings.css';

/** /communities/:slug/meetings/new: schedule a meeting, once or as a series. */
export function NewMeetingPage() {
  const { home, slug } = useCommunity();
  useDocumentTitle(`Schedule a meeting · ${home.community.name}`);
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => emptyMeetingValues(viewerZone(me.data?.timeZone)));
  const form = useFormState();

  if (!home.viewer.canScheduleMeeting) {
    return (
      <EmptyState
        title="You cannot schedule meetings here"
        action={
          <Button component={Link} to={`/communities/${slug}/meetings`} variant="light" mt="sm">
            Back to the meetings
          </Button>
        }
      >
        {home.community.stage === 'archived'
          ? 'The community is archived, so nothing new can be scheduled.'
          : 'In this community, the leaders schedule the meetings. Ask one of them.'}
      </EmptyState>
    );
  }

  const submit = async () => {
    const checked = form.check(scheduleFormSchema, values);
    if (!checked) return;
    const body = toScheduleBody(values, checked);
    const meeting = await form.run(() => apiSend<Meeting>('POST', `/communities/${slug}/meetings`, body));
    if (!meeting) return;
    await refreshMeetingLists(queryClient, slug);
    await navigate(`/meetings/${meeting.id}`, {
      state: { notice: body.rrule ? 'The meetings are scheduled.' : 'The meeting is scheduled.' },
    });
  };

  return (
    <Card component="section" aria-labelledby="schedule-title">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} id="schedule-title">
            Schedule a meeting
          </Title>
          <Anchor component={Link} to={`/communities/${slug}/meetings`} size="sm">
            Back to the meetings
          </Anchor>
        </Group>
        <MeetingForm
          mode="schedule"
          values={values}
          setValues={setValues}
          form={form}
          onSubmit={() => void submit()}
          submitLabel="Schedule"
          cancel={
            <Button component={Link} to={`/communities/${slug}/meetings`} variant="default">
              Cancel
            </Button>
          }
        />
      </Stack>
    </Card>
  );
}
