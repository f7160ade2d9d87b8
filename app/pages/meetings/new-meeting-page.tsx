import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Stack, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useScheduleMeetingMutation } from '../../api/meetings.ts';
import { useMe } from '../../api/queries.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { viewerZone } from '../../lib/dates.ts';
import { useCommunity } from '../communities/community-context.ts';
import { MeetingForm } from './meeting-form.tsx';
import { emptyMeetingValues, scheduleFormSchema, toScheduleBody } from './meeting-form-values.ts';
import './meetings.css';

/** /communities/:slug/meetings/new: schedule a meeting, once or as a series. */
export function NewMeetingPage() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('meetings.newMeeting.documentTitle', { community: home.community.name }));
  const me = useMe();
  const navigate = useNavigate();
  const schedule = useScheduleMeetingMutation(slug);
  const meetingForm = useApiForm({
    initialValues: emptyMeetingValues(viewerZone(me.data?.timeZone)),
    schema: scheduleFormSchema,
  });

  if (!home.viewer.canScheduleMeeting) {
    return (
      <EmptyState
        title={_('meetings.newMeeting.cannotTitle')}
        action={
          <Button component={Link} to={`/communities/${slug}/meetings`} variant="light" mt="sm">
            {_('meetings.newMeeting.back')}
          </Button>
        }
      >
        {home.community.stage === 'archived'
          ? _('meetings.newMeeting.archived')
          : _('meetings.newMeeting.leadersOnly')}
      </EmptyState>
    );
  }

  const submit = meetingForm.submit(
    async (checked) => {
      const body = toScheduleBody(meetingForm.form.getValues(), checked);
      return { meeting: await schedule.mutateAsync(body), series: Boolean(body.rrule) };
    },
    ({ meeting, series }) =>
      void navigate(`/meetings/${meeting.id}`, {
        state: {
          notice: series ? _('meetings.newMeeting.scheduledMany') : _('meetings.newMeeting.scheduledOne'),
        },
      }),
  );

  return (
    <Card component="section" aria-labelledby="schedule-title">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} id="schedule-title">
            {_('meetings.newMeeting.title')}
          </Title>
          <Anchor component={Link} to={`/communities/${slug}/meetings`} size="sm">
            {_('meetings.newMeeting.back')}
          </Anchor>
        </Group>
        <MeetingForm
          mode="schedule"
          apiForm={meetingForm}
          onSubmit={submit}
          submitLabel={_('meetings.newMeeting.submit')}
          cancel={
            <Button component={Link} to={`/communities/${slug}/meetings`} variant="default">
              {_('common.action.cancel')}
            </Button>
          }
        />
      </Stack>
    </Card>
  );
}
