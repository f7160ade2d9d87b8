import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { meetingKindMessages } from '../../../common/enums.ts';
import { useMeeting } from '../../api/meetings.ts';
import type { Meeting } from '../../api/types.ts';
import { StatusAlert } from '../../components/form-alert.tsx';
import { KudosCard } from '../../components/kudos.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AttendancePanel } from './attendance-panel.tsx';
import { CancelMeetingDialog } from './cancel-dialog.tsx';
import { DiscussionCard } from './discussion-card.tsx';
import { FollowUpPanel } from './follow-up-panel.tsx';
import { CancelledBadge } from './meeting-badges.tsx';
import { MeetingDetails } from './meeting-details.tsx';
import { MeetingLoadState } from './meeting-missing.tsx';
import { ResponsesPanel } from './responses-panel.tsx';
import { RolesPanel } from './roles-panel.tsx';
import { RsvpPanel } from './rsvp-panel.tsx';
import './meetings.css';
import { noticeFrom } from '../../lib/route-notice.ts';
import { SessionSkills } from './session-skills.tsx';

function MeetingView(props: { meeting: Meeting; initialNotice: string | null }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const [notice, setNotice] = useState(props.initialNotice);
  const [cancelling, setCancelling] = useState(false);
  const started = new Date(meeting.startsAt).getTime() <= Date.now();
  const cancelled = meeting.status === 'cancelled';
  const canFollowUp = meeting.abilities.takeAttendance || meeting.abilities.edit;
  const showFollowUp =
    started && !cancelled && (canFollowUp || meeting.notes.trim() !== '' || meeting.actions.length > 0);
  const actions =
    !cancelled && (meeting.abilities.edit || meeting.abilities.cancel) ? (
      <>
        {meeting.abilities.edit ? (
          <Button component={Link} to={`/meetings/${meeting.id}/edit`} variant="default">
            {_('meetings.meeting.edit')}
          </Button>
        ) : null}
        {meeting.abilities.cancel ? (
          <Button variant="default" color="red" onClick={() => setCancelling(true)}>
            {_('meetings.meeting.cancel')}
          </Button>
        ) : null}
      </>
    ) : cancelled ? (
      <CancelledBadge />
    ) : null;
  return (
    <>
      <PageHeader
        title={meeting.title}
        documentTitle={`${meeting.title} · ${meeting.community.name}`}
        description={
          <Trans
            id="meetings.meeting.kindOf"
            values={{ kind: _(meetingKindMessages[meeting.kind]), community: meeting.community.name }}
            components={{
              link: <Anchor component={Link} to={`/communities/${meeting.community.slug}/meetings`} />,
            }}
          />
        }
        actions={actions}
      />
      <Stack gap="lg">
        <StatusAlert message={notice} />
        <div className="meeting-layout">
          <Stack gap="lg" className="meeting-aside">
            <RsvpPanel meeting={meeting} started={started} />
            <RolesPanel meeting={meeting} />
          </Stack>
          <Stack gap="lg" className="meeting-main">
            <MeetingDetails meeting={meeting} />
            {meeting.skillSession && meeting.skills.length > 0 ? (
              <SessionSkills skills={meeting.skills} />
            ) : null}
            {started && !cancelled ? <AttendancePanel meeting={meeting} /> : null}
            {showFollowUp ? <FollowUpPanel meeting={meeting} canEdit={canFollowUp} /> : null}
            {started && !cancelled && meeting.organiser ? (
              <KudosCard
                headingId="meeting-kudos-title"
                title={_('kudos.forHosting')}
                subjectType="meeting"
                subjectId={meeting.id}
                receiver={meeting.organiser}
                canGive={meeting.abilities.giveKudos}
                empty={_('kudos.emptyHosting', { name: meeting.organiser.displayName })}
              />
            ) : null}
            <DiscussionCard meeting={meeting} />
            {meeting.abilities.seeResponses ? <ResponsesPanel meeting={meeting} /> : null}
          </Stack>
        </div>
      </Stack>
      {meeting.abilities.cancel ? (
        <CancelMeetingDialog
          meeting={meeting}
          opened={cancelling}
          onClose={() => setCancelling(false)}
          onDone={setNotice}
        />
      ) : null}
    </>
  );
}

/** /meetings/:id: a meeting, answering it, its roles, and afterwards attendance and notes. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // A notice handed over by the previous page shows once, not again after a reload.
  const [initialNotice] = useState(() => noticeFrom(location.state));
  useEffect(() => {
    if (noticeFrom(location.state)) void navigate('.', { replace: true, state: null });
  }, [location.state, navigate]);
  const meeting = useMeeting(id);
  if (meeting.isPending || meeting.isError)
    return (
      <MeetingLoadState
        pending={meeting.isPending}
        error={meeting.error}
        onRetry={() => void meeting.refetch()}
      />
    );
  return <MeetingView key={meeting.data.id} meeting={meeting.data} initialNotice={initialNotice} />;
}
