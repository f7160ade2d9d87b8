import { useLingui } from '@lingui/react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { invitePartnerBody, projectLimits } from '../../../common/contracts/projects.ts';
import { useProjectActions } from '../../api/projects.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

/** A lead invites an external partner by email: a guest who sees this project and nothing else. */
export function InvitePartnerForm(props: { projectId: string }) {
  const { _ } = useLingui();
  const invite = useProjectActions(props.projectId).invitePartner;
  const [done, setDone] = useState<'invited' | 'added' | null>(null);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: { email: '', name: '', message: '' },
    schema: invitePartnerBody,
  });
  return (
    <form
      noValidate
      aria-labelledby="invite-partner-title"
      onSubmit={submit(
        (body) => {
          setDone(null);
          return invite.mutateAsync(body);
        },
        (result) => {
          setDone(result.outcome);
          form.reset();
        },
      )}
    >
      <Stack gap="xs" maw={560} mt="md">
        <Title order={3} size="h4" id="invite-partner-title">
          {_('projects.partners.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {_('projects.partners.intro')}
        </Text>
        <FormAlert message={message} />
        <StatusAlert
          message={
            done === 'invited'
              ? _('projects.partners.invited')
              : done === 'added'
                ? _('projects.partners.added')
                : null
          }
        />
        <TextInput
          label={_('projects.partners.email')}
          name="email"
          type="email"
          required
          {...field('email')}
        />
        <TextInput
          label={_('projects.partners.name')}
          name="name"
          maxLength={projectLimits.nameMax}
          {...field('name')}
        />
        <TextInput
          label={_('projects.partners.message')}
          name="message"
          maxLength={projectLimits.messageMax}
          {...field('message')}
        />
        <Group>
          <Button type="submit" variant="light" loading={busy}>
            {_('projects.partners.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
