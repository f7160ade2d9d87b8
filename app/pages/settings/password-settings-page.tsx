import { useLingui } from '@lingui/react';
import { Button, Card, Group, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { passwordField } from '../../../common/fields.ts';
import { usePasswordMutation } from '../../api/account.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
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
  const [values, setValues] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormState();
  const changePassword = usePasswordMutation();
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    setSaved(null);
    {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const body = form.check(passwordSchema, values);
    if (!body) return;
    const done = await form.run(() =>
      changePassword.mutateAsync({
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
      }),
    );
    if (!done) return;
    setValues(empty);
    setSaved(_('settings.password.saved'));
  };

  return (
    <>
      <PageHeader title={_('settings.password.title')} description={_('settings.password.description')} />
      <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate maw={520}>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <PasswordInput
            label={_('settings.password.current')}
            name="currentPassword"
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={form.error('currentPassword')}
            required
          />
          <PasswordInput
            label={_('settings.password.new')}
            name="newPassword"
            autoComplete="new-password"
            description={_('settings.password.hint')}
            value={values.newPassword}
            onChange={set('newPassword')}
            error={form.error('newPassword')}
            required
          />
          <PasswordInput
            label={_('settings.password.repeat')}
            name="confirm"
            autoComplete="new-password"
            value={values.confirm}
            onChange={set('confirm')}
            error={form.error('confirm')}
            required
          />
          <StatusAlert message={saved} />
          <Group>
            <Button type="submit" loading={form.busy}>
              {_('settings.password.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
