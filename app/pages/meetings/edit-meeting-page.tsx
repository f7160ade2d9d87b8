import { useLingui } from '@lingui/react';
import { Anchor, Button, Card } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useMeeting, useUpdateMeetingMutation } from '../../api/meetings.ts';
import { saveMeetingSkills } from '../../api/skill-sessions.ts';
import type { Meeting } from '../../api/types.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { MeetingForm } from './meeting-form.tsx';
import { editFormSchema, meetingToValues, toUpdateBody } from './meeting-form-values.ts';
import { MeetingLoadState } from './meeting-missing.tsx';
import './meetings.css';

function EditMeeting(props: { meeting: Meeting }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const navigate = useNavigate();
  const update = useUpdateMeetingMutation(meeting.id, meeting.community.slug);
  // The meeting as loaded, in its own zone, is where the form starts.
  const meetingForm = useApiForm({ initialValues: meetingToValues(meeting), schema: editFormSchema });
  const back = `/meetings/${meeting.id}`;

  const submit = meetingForm.submit(
    async (checked) => {
      const values = meetingForm.form.getValues();
      await saveMeetingSkills(meeting.id, values.skillSession, values.skills);
      return update.mutateAsync(toUpdateBody(values, checked));
    },
    (updated) =>
      void navigate(`/meetings/${updated.id}`, {
        state: {
          notice:
            meetingForm.form.getValues().scope === 'following'
              ? _('meetings.editMeeting.updatedFollowing')
              : _('meetings.editMeeting.updated'),
        },
      }),
  );

  return (
    <>
      <PageHeader
        title={_('meetings.editMeeting.title', { title: meeting.title })}
        description={
          <Anchor component={Link} to={back}>
            {_('meetings.editMeeting.back')}
          </Anchor>
        }
      />
      {meeting.abilities.edit ? (
        <Card>
          <MeetingForm
            mode="edit"
            inSeries={meeting.series !== null}
            apiForm={meetingForm}
            onSubmit={submit}
            submitLabel={_('common.action.saveChanges')}
            cancel={
              <Button component={Link} to={back} variant="default">
                {_('common.action.cancel')}
              </Button>
            }
          />
        </Card>
      ) : (
        <EmptyState title={_('meetings.editMeeting.cannotTitle')}>
          {_('meetings.editMeeting.cannotBody')}
        </EmptyState>
      )}
    </>
  );
}

/** /meetings/:id/edit: change a meeting, or it and the following ones of its series. */
export function EditMeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending || meeting.isError)
    return (
      <MeetingLoadState
        pending={meeting.isPending}
        error={meeting.error}
        onRetry={() => void meeting.refetch()}
      />
    );
  return <EditMeeting key={meeting.data.id} meeting={meeting.data} />;
}
