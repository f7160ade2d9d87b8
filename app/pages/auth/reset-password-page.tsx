import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { passwordField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

const resetSchema = z
  .object({ password: passwordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: 'The passwords do not match.', path: ['confirm'] });

/** /reset-password?token=…: choose a new password; every session ends, then sign in again. */
export function ResetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [values, setValues] = useState({ password: '', confirm: '' });
  const form = useFormState();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(resetSchema, values);
    if (!body) return;
    const done = await form.run(() =>
      apiSend('POST', '/auth/password-reset/complete', { token, password: body.password }),
    );
    if (!done) return;
    queryClient.setQueryData(keys.me, null);
    await navigate('/signin', { replace: true, state: { passwordReset: true } });
  };

  if (!token) {
    return (
      <AuthCard title="Reset your password">
        <Alert color="red" variant="light" role="alert">
          This link is incomplete. Open the link from your email again, or ask for a new one.
        </Alert>
        <Button component={Link} to="/forgot-password" variant="light">
          Ask for a new link
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password" description="Signing in again will be needed on every device.">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <PasswordInput
            label="New password"
            name="password"
            autoComplete="new-password"
            description="At least 12 characters."
            value={values.password}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((v) => ({ ...v, password: value }));
            }}
            error={form.error('password')}
            required
          />
          <PasswordInput
            label="Repeat the new password"
            name="confirm"
            autoComplete="new-password"
            value={values.confirm}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((v) => ({ ...v, confirm: value }));
            }}
            error={form.error('confirm')}
            required
          />
          <Button type="submit" loading={form.busy} fullWidth>
            Save new password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
