import { useLingui } from '@lingui/react';
import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { passwordField } from '../../../common/fields.ts';
import { useCompletePasswordResetMutation } from '../../api/account.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { i18n } from '../../i18n/i18n.ts';

const resetSchema = z
  .object({ password: passwordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, {
    error: () => i18n._('auth.reset.mismatch'),
    path: ['confirm'],
  });

/** /reset-password?token=…: choose a new password; every session ends, then sign in again. */
export function ResetPasswordPage() {
  const { _ } = useLingui();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [values, setValues] = useState({ password: '', confirm: '' });
  const form = useFormState();
  const navigate = useNavigate();
  const reset = useCompletePasswordResetMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(resetSchema, values);
    if (!body) return;
    const done = await form.run(() => reset.mutateAsync({ token, password: body.password }));
    if (!done) return;
    await navigate('/signin', { replace: true, state: { passwordReset: true } });
  };

  if (!token) {
    return (
      <AuthCard title={_('auth.forgot.title')}>
        <Alert color="red" variant="light" role="alert">
          {_('auth.reset.incomplete')}
        </Alert>
        <Button component={Link} to="/forgot-password" variant="light">
          {_('auth.reset.askNew')}
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={_('auth.reset.title')} description={_('auth.reset.description')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <PasswordInput
            label={_('auth.field.newPassword')}
            name="password"
            autoComplete="new-password"
            description={_('auth.field.passwordHint')}
            value={values.password}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((v) => ({ ...v, password: value }));
            }}
            error={form.error('password')}
            required
          />
          <PasswordInput
            label={_('auth.field.repeatPassword')}
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
            {_('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
