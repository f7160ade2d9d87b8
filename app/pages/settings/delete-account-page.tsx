import { useLingui } from '@lingui/react';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { useEraseAccountMutation } from '../../api/account.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';

const eraseSchema = z.object({
  mode: z.enum(['anonymise', 'delete']),
  password: z.string(),
  confirmation: z
    .string()
    .trim()
    .min(1, { error: () => i18n._('settings.deleteAccount.confirmationRequired') }),
});

/**
 * /settings/delete-account: deletes the account at once, in one of two ways (keep the contributions
 * under "A former member", or delete them too), after the password and the email address typed again.
 */
export function DeleteAccountPage() {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const erase = useEraseAccountMutation();
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: { mode: 'anonymise' as 'anonymise' | 'delete', password: '', confirmation: '' },
    schema: eraseSchema,
  });
  const send = submit(
    (body) =>
      erase.mutateAsync({
        mode: body.mode,
        confirmation: body.confirmation,
        ...(body.password ? { password: body.password } : {}),
      }),
    () => navigate('/account-deleted', { replace: true }),
  );
  const mode = form.getValues().mode;

  return (
    <>
      <PageHeader
        title={_('settings.deleteAccount.title')}
        description={_('settings.deleteAccount.description')}
      />
      <Card component="form" onSubmit={(event: FormEvent) => send(event)} noValidate maw={640}>
        <Stack gap="md">
          <FormAlert message={message} />
          <Text>{_('settings.deleteAccount.goes')}</Text>
          <Radio.Group label={_('settings.deleteAccount.modeLabel')} {...form.getInputProps('mode')}>
            <Stack gap="sm" mt="xs">
              <Radio value="anonymise" label={_('settings.deleteAccount.anonymise')} />
              <Radio value="delete" label={_('settings.deleteAccount.delete')} />
            </Stack>
          </Radio.Group>
          <List size="sm">
            <List.Item>
              {mode === 'anonymise'
                ? _('settings.deleteAccount.anonymiseStays')
                : _('settings.deleteAccount.deleteGoes')}
            </List.Item>
            <List.Item>{_('settings.deleteAccount.anonymousAnswers')}</List.Item>
          </List>
          <PasswordInput
            label={_('settings.deleteAccount.password')}
            description={_('settings.deleteAccount.passwordHint')}
            name="password"
            autoComplete="current-password"
            {...field('password')}
          />
          <TextInput
            label={_('settings.deleteAccount.confirmation')}
            name="confirmation"
            autoComplete="off"
            {...field('confirmation')}
            required
          />
          <Alert color="red">{_('settings.deleteAccount.final')}</Alert>
          <Group>
            <Button type="submit" color="red" loading={busy}>
              {_('settings.deleteAccount.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}

/** /account-deleted: where the person lands, signed out, once their account is gone. */
export function AccountDeletedPage() {
  const { _ } = useLingui();
  return (
    <PageHeader
      title={_('settings.deleteAccount.doneTitle')}
      description={_('settings.deleteAccount.done')}
    />
  );
}
