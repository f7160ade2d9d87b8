import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { z } from 'zod';
import { emailField } from '../../../common/fields.ts';
import { ApiError, apiSend } from '../../api/client.ts';
import { clearSessionEnded } from '../../api/session.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { forgetNextAfterSignUp, withNext } from '../../lib/safe-next.ts';

const signInSchema = z.object({ email: emailField, password: z.string().min(1, 'Enter your password.') });

function flag(state: unknown, name: string): boolean {
  return typeof state === 'object' && state !== null && name in state && Boolean(Reflect.get(state, name));
}

/** Sign in with email and password; an unconfirmed address is offered a new confirmation link. */
export function SignInPage() {
  const location = useLocation();
  const [search] = useSearchParams();
  const next = search.get('next');
  const [values, setValues] = useState({ email: '', password: '' });
  const [notConfirmed, setNotConfirmed] = useState(false);
  const [resent, setResent] = useState<string | null>(null);
  const form = useFormState();
  const queryClient = useQueryClient();
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const notice = flag(location.state, 'sessionEnded')
    ? 'Your session has ended. Sign in again to continue.'
    : flag(location.state, 'signedOut')
      ? 'You are signed out.'
      : flag(location.state, 'passwordReset')
        ? 'Your password is changed. Sign in with the new one.'
        : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotConfirmed(false);
    setResent(null);
    const body = form.check(signInSchema, values);
    if (!body) return;
    const done = await form.run(async () => {
      try {
        return await apiSend('POST', '/auth/signin', body);
      } catch (error) {
        if (error instanceof ApiError && error.fields.email === 'not_confirmed') setNotConfirmed(true);
        throw error;
      }
    });
    if (!done) return;
    clearSessionEnded();
    forgetNextAfterSignUp();
    // The guard around this page sends the person on (to ?next= or home) once they are known.
    await queryClient.invalidateQueries();
  };

  const resend = async () => {
    const body = form.check(z.object({ email: emailField }), { email: values.email });
    if (!body) return;
    const done = await form.run(() => apiSend('POST', '/auth/resend-confirmation', body));
    if (done) {
      setNotConfirmed(false);
      setResent(`If ${body.email} has an account waiting for confirmation, a new link is on its way.`);
    }
  };

  return (
    <AuthCard title="Sign in">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {notice && !form.message ? (
            <Alert color="forest" variant="light" role="status">
              {notice}
            </Alert>
          ) : null}
          <FormAlert message={form.message}>
            {notConfirmed ? (
              <Group mt="sm">
                <Button
                  size="xs"
                  variant="white"
                  color="red"
                  onClick={() => void resend()}
                  loading={form.busy}
                >
                  Send a new link
                </Button>
              </Group>
            ) : null}
          </FormAlert>
          <StatusAlert message={resent} />
          <TextInput
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={form.fields.email === 'not_confirmed' ? undefined : form.error('email')}
            required
          />
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="current-password"
            value={values.password}
            onChange={set('password')}
            error={form.error('password')}
            required
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot your password?
            </Anchor>
          </Group>
          <Button type="submit" loading={form.busy} fullWidth>
            Sign in
          </Button>
          <Text size="sm" ta="center">
            New here?{' '}
            <Anchor component={Link} to={withNext('/signup', next)}>
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
