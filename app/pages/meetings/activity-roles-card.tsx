import { useLingui } from '@lingui/react';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { activityRoleNameField } from '../../../common/meeting-fields.ts';
import {
  useActivityRoles,
  useAddActivityRoleMutation,
  useRemoveActivityRoleMutation,
} from '../../api/meetings.ts';
import type { ActivityRole } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

const roleSchema = z.object({ name: activityRoleNameField });

/** Leaders add roles of their own (timekeeper, greeter…) beside facilitator, note-taker and host. */
export function ActivityRolesCard(props: { slug: string }) {
  const { _ } = useLingui();
  // Adding and removing share the alert and the busy state, as one form about the community's roles.
  const { form, field, message, busy, submit, send } = useApiForm({
    initialValues: { name: '' },
    schema: roleSchema,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const roles = useActivityRoles(props.slug);
  const addRole = useAddActivityRoleMutation(props.slug);
  const removeRole = useRemoveActivityRoleMutation(props.slug);

  const add = submit(
    (body) => addRole.mutateAsync(body),
    (role) => {
      form.setFieldValue('name', '');
      setNotice(_('meetings.activityRoles.added', { role: role.name }));
    },
  );
  const remove = async (role: ActivityRole) => {
    if (!role.id) return;
    const id = role.id;
    setNotice(null);
    const done = await send(() => removeRole.mutateAsync(id));
    if (!done) return;
    setNotice(_('meetings.activityRoles.removed', { role: role.name }));
  };

  return (
    <Card component="section" aria-labelledby="activity-roles-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="activity-roles-title">
          {_('meetings.activityRoles.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {_('meetings.activityRoles.intro')}
        </Text>
        <FormAlert message={message} />
        <StatusAlert message={notice} />
        {roles.isPending ? (
          <PageLoader label={_('meetings.activityRoles.loading')} />
        ) : roles.isError ? (
          <LoadError error={roles.error} onRetry={() => void roles.refetch()} />
        ) : (
          <ul className="row-list" aria-labelledby="activity-roles-title">
            {roles.data.map((role) => (
              <li key={role.id ?? role.name}>
                <Group justify="space-between" gap="sm" py={4}>
                  <Text size="sm">{role.name}</Text>
                  {role.custom ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={_('meetings.activityRoles.removeRole', { role: role.name })}
                      onClick={() => void remove(role)}
                      disabled={busy}
                    >
                      {_('common.action.remove')}
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {_('meetings.activityRoles.always')}
                    </Text>
                  )}
                </Group>
              </li>
            ))}
          </ul>
        )}
        <form
          onSubmit={(event) => {
            setNotice(null);
            add(event);
          }}
          noValidate
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={_('meetings.activityRoles.newRole')}
              name="name"
              placeholder={_('meetings.activityRoles.placeholder')}
              {...field('name')}
              style={{ flex: '1 1 200px' }}
            />
            <Button type="submit" variant="default" loading={busy}>
              {_('meetings.activityRoles.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}
