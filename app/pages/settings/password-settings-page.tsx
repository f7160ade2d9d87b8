import { useLingui } from '@lingui/react';
import { Button, Card, Group, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { passwordField } from '../../../common/fields.ts';
import { usePasswordMutation } from '../../api/account.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';

const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: () => i18n._('settings.password.currentRequired') }),
    newPassword: passwordField,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, {
    error: () => i18n._('settings.password.mismatch'),
    path: ['confirm'],
  });

const empty = { currentPassword: '', newPassword: '', confirm: '' };

/** /settings/password: change your password; your other sessions end. */
export function PasswordSettingsPage() {
  const { _ } = useLingui();
  const [saved, setSaved] = useState<string | null>(null);
  const changePassword = usePasswordMutation();
  const { field, message, busy, submit, reset } = useApiForm({
    initialValues: empty,
    schema: passwordSchema,
    form: { onValuesChange: () => setSaved(null) },
  });
  const save = submit(
    (body) =>
      changePassword.mutateAsync({
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
      }),
    () => {
      reset();
      setSaved(_('settings.password.saved'));
    },
  );

  return (
    <>
      <PageHeader title={_('settings.password.title')} description={_('settings.password.description')} />
      <Card
        component="form"
        onSubmit={(event: FormEvent) => {
          setSaved(null);
          save(event);
        }}
        noValidate
        maw={520}
      >
        <Stack gap="md">
          <FormAlert message={message} />
          <PasswordInput
            label={_('settings.password.current')}
            name="currentPassword"
            autoComplete="current-password"
            {...field('currentPassword')}
            required
          />
          <PasswordInput
            label={_('settings.password.new')}
            name="newPassword"
            autoComplete="new-password"
            description={_('settings.password.hint')}
            {...field('newPassword')}
            required
          />
          <PasswordInput
            label={_('settings.password.repeat')}
            name="confirm"
            autoComplete="new-password"
            {...field('confirm')}
            required
          />
          <StatusAlert message={saved} />
          <Group>
            <Button type="submit" loading={busy}>
              {_('settings.password.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
