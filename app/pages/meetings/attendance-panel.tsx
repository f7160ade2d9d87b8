import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { useAllMembers, useAttendanceMutation, useRsvps } from '../../api/meetings.ts';
import type { Meeting } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { dateTime } from '../../lib/dates.ts';

/** Who came, as a read-only list for the community. */
function AttendanceList(props: { meeting: Meeting }) {
  const { _ } = useLingui();
  const { meeting } = props;
  if (!meeting.attendanceTakenAt) return null;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {_('meetings.attendance.came', { count: meeting.attendance.length })}{' '}
        <Text span size="xs" c="dimmed">
          {_('meetings.attendance.recorded', { when: dateTime(meeting.attendanceTakenAt) })}
        </Text>
      </Text>
      {meeting.attendance.length > 0 ? (
        <ul className="row-list" aria-label={_('meetings.attendance.whoCame')}>
          {meeting.attendance.map((person) => (
            <li key={person.id}>
              <Text size="sm" py={4}>
                {person.displayName === null ? (
                  _('meetings.attendance.formerMember')
                ) : (
                  <Anchor component={Link} to={`/people/${person.id}`} inherit>
                    {person.displayName}
                  </Anchor>
                )}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}

const attendanceSchema = z.object({ userIds: z.array(z.string()) });

/** The host's checklist: every member, ticked if they came (first time: those who said going). */
function AttendanceForm(props: { meeting: Meeting; onSaved: (count: number) => void }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const members = useAllMembers(meeting.community.slug, true);
  const rsvps = useRsvps(meeting.id, meeting.abilities.seeResponses);
  const record = useAttendanceMutation(meeting.id);
  const { form, message, busy, submit } = useApiForm({
    initialValues: { userIds: [] as string[] },
    schema: attendanceSchema,
  });
  // The search narrows the list shown; it is not part of what is saved.
  const [filter, setFilter] = useState('');
  const { initialize, initialized } = form;

  // The ticks start from the attendance taken before, else from who said going, once those are known.
  useEffect(() => {
    if (initialized) return;
    if (meeting.attendanceTakenAt) initialize({ userIds: meeting.attendance.map((p) => p.id) });
    else if (rsvps.data)
      initialize({
        userIds: rsvps.data.filter((entry) => entry.status === 'going').map((e) => e.person.id),
      });
    else if (!meeting.abilities.seeResponses) initialize({ userIds: [] });
  }, [initialize, initialized, meeting, rsvps.data]);

  if (members.isPending || !initialized)
    return <PageLoader label={_('meetings.attendance.loadingMembers')} />;
  if (members.isError) return <LoadError error={members.error} onRetry={() => void members.refetch()} />;

  const ticked = new Set(form.values.userIds);
  const toggle = (id: string, on: boolean) =>
    form.setFieldValue('userIds', (ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
  const save = submit(async (body) => {
    await record.mutateAsync(body.userIds);
    return body.userIds.length;
  }, props.onSaved);
  const needle = filter.trim().toLowerCase();
  const shown = members.data.filter((m) => !needle || m.displayName.toLowerCase().includes(needle));

  return (
    <Stack gap="sm">
      <FormAlert message={message} />
      {members.data.length > 12 ? (
        <TextInput
          label={_('meetings.attendance.find')}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
        />
      ) : null}
      <ul className="checklist" aria-label={_('meetings.attendance.membersWhoCame')}>
        {shown.map((member) => (
          <li key={member.id}>
            <Checkbox
              label={member.displayName}
              checked={ticked.has(member.id)}
              onChange={(event) => toggle(member.id, event.currentTarget.checked)}
            />
          </li>
        ))}
      </ul>
      <Group>
        <Button onClick={() => save()} loading={busy}>
          {_('meetings.attendance.save')}
        </Button>
        <Text size="sm" c="dimmed">
          {_('meetings.attendance.ticked', { count: ticked.size })}
        </Text>
      </Group>
    </Stack>
  );
}

/** After the start: who came. The host and leaders take attendance; members see the result. */
export function AttendancePanel(props: { meeting: Meeting }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const [taking, setTaking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Card component="section" aria-labelledby="attendance-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h3" id="attendance-title">
            {_('meetings.attendance.title')}
          </Title>
          {meeting.abilities.takeAttendance && !taking ? (
            <Button variant="light" onClick={() => setTaking(true)}>
              {meeting.attendanceTakenAt ? _('meetings.attendance.change') : _('meetings.attendance.take')}
            </Button>
          ) : null}
        </Group>
        <StatusAlert message={notice} />
        {taking ? (
          <AttendanceForm
            meeting={meeting}
            onSaved={(count) => {
              setTaking(false);
              setNotice(_('meetings.attendance.saved', { count }));
            }}
          />
        ) : meeting.attendanceTakenAt ? (
          <AttendanceList meeting={meeting} />
        ) : (
          <Text size="sm" c="dimmed">
            {_('meetings.attendance.notTaken')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
