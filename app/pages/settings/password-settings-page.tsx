import { Button, Card, Group, PasswordInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { passwordField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: passwordField,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { message: 'The passwords do not match.', path: ['confirm'] });

const empty = { currentPassword: '', newPassword: '', confirm: '' };

/** /settings/password: change your password; your other sessions end. */
export function PasswordSettingsPage() {
  const [values, setValues] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormState();
  const queryClient = useQueryClient();
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
      apiSend('POST', '/auth/password', {
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
      }),
    );
    if (!done) return;
    setValues(empty);
    setSaved('Your password is changed. Your other sessions were signed out.');
    await queryClient.invalidateQueries({ queryKey: keys.sessions });
  };

  return (
    <>
      <PageHeader title="Password" description="Changing your password signs out your other sessions." />
      <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate maw={520}>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <PasswordInput
            label="Current password"
            name="currentPassword"
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={form.error('currentPassword')}
            required
          />
          <PasswordInput
            label="New password"
            name="newPassword"
            autoComplete="new-password"
            description="At least 12 characters."
            value={values.newPassword}
            onChange={set('newPassword')}
            error={form.error('newPassword')}
            required
          />
          <PasswordInput
            label="Repeat the new password"
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
              Change password
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
