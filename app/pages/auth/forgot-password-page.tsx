import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { emailField } from '../../../common/fields.ts';
import { usePasswordResetMutation } from '../../api/account.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

const schema = z.object({ email: emailField });

/** Ask for a password-reset link by email. */
export function ForgotPasswordPage() {
  const { _ } = useLingui();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const askReset = usePasswordResetMutation();
  const { field, message, busy, submit } = useApiForm({ initialValues: { email: '' }, schema });

  return (
    <AuthCard title={_('auth.forgot.title')} description={_('auth.forgot.description')}>
      <form
        onSubmit={submit(
          async (body) => {
            await askReset.mutateAsync(body);
            return body.email;
          },
          (email) => setSentTo(email),
        )}
        noValidate
      >
        <Stack gap="md">
          <FormAlert message={message} />
          <StatusAlert message={sentTo ? _('auth.forgot.sent', { email: sentTo }) : null} />
          <TextInput
            label={_('auth.field.email')}
            name="email"
            type="email"
            autoComplete="email"
            {...field('email')}
            required
          />
          <Button type="submit" loading={busy} fullWidth>
            {_('auth.forgot.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Trans
              id="auth.forgot.remembered"
              components={{ link: <Anchor component={Link} to="/signin" /> }}
            />
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
