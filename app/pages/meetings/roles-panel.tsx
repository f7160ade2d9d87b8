import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { useActivityRoles, useAssignRoleMutation, useRoleSuggestions } from '../../api/meetings.ts';
import { useMe } from '../../api/queries.ts';
import type { ActivityRole, Meeting } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { errorText } from './input-error.ts';
import { MemberSelect, type PickedMember } from './member-select.tsx';

interface RoleRow {
  role: string;
  person: PickedMember | null;
  volunteered: boolean;
}

/** Every role of the community (the defaults and the leaders' own), with who holds it for this meeting. */
function roleRows(meeting: Meeting, roles: ActivityRole[] | undefined): RoleRow[] {
  const rows: RoleRow[] = meeting.roles.map((r) => ({
    role: r.role,
    person: r.person,
    volunteered: r.volunteered,
  }));
  for (const role of roles ?? []) {
    if (!rows.some((row) => row.role.toLowerCase() === role.name.toLowerCase()))
      rows.push({ role: role.name, person: null, volunteered: false });
  }
  return rows;
}

/**
 * The member picked, under the API's name for the field (`userId`), so its field errors land on the
 * select; the id is what is sent.
 */
const assignSchema = z.object({
  userId: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

function AssignDialog(props: {
  meeting: Meeting;
  row: RoleRow | null;
  onClose: () => void;
  onAssign: (role: string, person: PickedMember | null) => Promise<boolean>;
}) {
  const { _ } = useLingui();
  const { row } = props;
  const { form, field, message, busy, send } = useApiForm({
    initialValues: { userId: row?.person ?? null },
    schema: assignSchema,
  });
  const picked = form.values.userId;
  const suggestions = useRoleSuggestions(props.meeting.id, row !== null);
  const suggested =
    suggestions.data?.find((s) => s.role.toLowerCase() === row?.role.toLowerCase())?.people ?? [];
  const save = async (person: PickedMember | null) => {
    if (!row) return;
    const done = await send(() => props.onAssign(row.role, person));
    if (done) props.onClose();
  };
  return (
    <Modal
      opened={row !== null}
      onClose={props.onClose}
      title={_('meetings.roles.assignTitle', { role: row?.role ?? '' })}
      centered
    >
      <Stack gap="md">
        <FormAlert message={message} />
        <MemberSelect
          slug={props.meeting.community.slug}
          label={row?.role ?? _('meetings.roles.role')}
          value={picked}
          onChange={(person) => form.setFieldValue('userId', person)}
          error={errorText(field('userId').error)}
          name="userId"
        />
        {suggested.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600} id="suggested-title">
              {_('meetings.roles.suggested')}
            </Text>
            <Group gap="xs" role="group" aria-labelledby="suggested-title">
              {suggested.slice(0, 5).map((person) => (
                <Button
                  key={person.id}
                  size="compact-sm"
                  variant="light"
                  onClick={() =>
                    form.setFieldValue('userId', { id: person.id, displayName: person.displayName })
                  }
                >
                  {person.displayName}
                </Button>
              ))}
            </Group>
          </Stack>
        ) : null}
        <Group justify="flex-end" gap="sm">
          {row?.person ? (
            <Button variant="subtle" color="red" onClick={() => void save(null)} disabled={busy}>
              {_('meetings.roles.leaveOpen')}
            </Button>
          ) : null}
          <Button variant="default" onClick={props.onClose}>
            {_('common.action.cancel')}
          </Button>
          <Button onClick={() => void save(picked)} loading={busy} disabled={!picked}>
            {_('meetings.roles.assign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Facilitator, note-taker, host and the community's own roles: who takes each, volunteering, assigning. */
export function RolesPanel(props: { meeting: Meeting }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const me = useMe();
  const assignRole = useAssignRoleMutation(meeting.id);
  const action = useApiAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<RoleRow | null>(null);
  const roles = useActivityRoles(meeting.community.slug);
  const rows = roleRows(meeting, roles.data);
  const open = meeting.status === 'scheduled';

  const assign = async (role: string, person: PickedMember | null) => {
    setNotice(null);
    await assignRole.mutateAsync({ role, userId: person?.id ?? null });
    setNotice(
      person
        ? person.id === me.data?.id
          ? _('meetings.roles.youAre', { role: role.toLowerCase() })
          : _('meetings.roles.personIs', { name: person.displayName, role: role.toLowerCase() })
        : _('meetings.roles.isOpen', { role }),
    );
    return true;
  };

  return (
    <Card component="section" aria-labelledby="roles-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="roles-title">
          {_('meetings.roles.title')}
        </Title>
        <FormAlert message={action.message} />
        <StatusAlert message={notice} />
        <ul className="row-list" aria-labelledby="roles-title">
          {rows.map((row) => {
            const mine = row.person !== null && row.person.id === me.data?.id;
            return (
              <li key={row.role}>
                <Group justify="space-between" gap="xs" py={6} wrap="wrap">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {row.role}
                    </Text>
                    <Text size="sm" c={row.person ? undefined : 'dimmed'}>
                      {row.person ? (
                        <Anchor component={Link} to={`/people/${row.person.id}`} inherit>
                          {mine ? _('meetings.roles.you') : row.person.displayName}
                        </Anchor>
                      ) : (
                        _('meetings.roles.open')
                      )}
                      {row.volunteered ? ` (${_('meetings.roles.volunteered')})` : ''}
                    </Text>
                  </Stack>
                  {open ? (
                    <Group gap={4}>
                      {!row.person && meeting.abilities.volunteer && me.data ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          aria-label={_('meetings.roles.volunteerAs', { role: row.role.toLowerCase() })}
                          onClick={() =>
                            void action.run(() =>
                              assign(row.role, {
                                id: me.data?.id ?? '',
                                displayName: me.data?.displayName ?? '',
                              }),
                            )
                          }
                          disabled={action.busy}
                        >
                          {_('meetings.roles.volunteer')}
                        </Button>
                      ) : null}
                      {mine && !meeting.abilities.assignRoles ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={_('meetings.roles.stepBackAs', { role: row.role.toLowerCase() })}
                          onClick={() => void action.run(() => assign(row.role, null))}
                          disabled={action.busy}
                        >
                          {_('meetings.roles.stepBack')}
                        </Button>
                      ) : null}
                      {meeting.abilities.assignRoles ? (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={_('meetings.roles.assignRole', { role: row.role.toLowerCase() })}
                          onClick={() => setAssigning(row)}
                        >
                          {_('meetings.roles.assign')}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Group>
              </li>
            );
          })}
        </ul>
      </Stack>
      <AssignDialog
        key={assigning?.role ?? 'none'}
        meeting={meeting}
        row={assigning}
        onClose={() => setAssigning(null)}
        onAssign={assign}
      />
    </Card>
  );
}
