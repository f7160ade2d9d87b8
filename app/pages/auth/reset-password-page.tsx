import { useLingui } from '@lingui/react';
import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { passwordField } from '../../../common/fields.ts';
import { useCompletePasswordResetMutation } from '../../api/account.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
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
  const navigate = useNavigate();
  const reset = useCompletePasswordResetMutation();
  const { field, message, busy, submit } = useApiForm({
    initialValues: { password: '', confirm: '' },
    schema: resetSchema,
  });

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
      <form
        onSubmit={submit(
          (body) => reset.mutateAsync({ token, password: body.password }),
          () => void navigate('/signin', { replace: true, state: { passwordReset: true } }),
        )}
        noValidate
      >
        <Stack gap="md">
          <FormAlert message={message} />
          <PasswordInput
            label={_('auth.field.newPassword')}
            name="password"
            autoComplete="new-password"
            description={_('auth.field.passwordHint')}
            {...field('password')}
            required
          />
          <PasswordInput
            label={_('auth.field.repeatPassword')}
            name="confirm"
            autoComplete="new-password"
            {...field('confirm')}
            required
          />
          <Button type="submit" loading={busy} fullWidth>
            {_('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
