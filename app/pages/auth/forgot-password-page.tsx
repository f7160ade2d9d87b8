import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { emailField } from '../../../common/fields.ts';
import { usePasswordResetMutation } from '../../api/account.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

/** Ask for a password-reset link by email. */
export function ForgotPasswordPage() {
  const { _ } = useLingui();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormState();
  const askReset = usePasswordResetMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(z.object({ email: emailField }), { email });
    if (!body) return;
    const done = await form.run(() => askReset.mutateAsync(body));
    if (done) setSentTo(body.email);
  };

  return (
    <AuthCard title={_('auth.forgot.title')} description={_('auth.forgot.description')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <StatusAlert message={sentTo ? _('auth.forgot.sent', { email: sentTo }) : null} />
          <TextInput
            label={_('auth.field.email')}
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={form.error('email')}
            required
          />
          <Button type="submit" loading={form.busy} fullWidth>
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
