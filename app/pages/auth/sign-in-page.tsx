import { Trans, useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { z } from 'zod';
import { emailField } from '../../../common/fields.ts';
import { useResendConfirmationMutation, useSignInMutation } from '../../api/account.ts';
import { ApiError } from '../../api/client.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { i18n } from '../../i18n/i18n.ts';
import { forgetNextAfterSignUp, withNext } from '../../lib/safe-next.ts';

const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, { error: () => i18n._('auth.signIn.passwordRequired') }),
});

/** "0:04", "14:59": a wait counted down to the second. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Seconds left until `until` (a Date.now() value), ticking every second; 0 once passed or unset. */
function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

function flag(state: unknown, name: string): boolean {
  return typeof state === 'object' && state !== null && name in state && Boolean(Reflect.get(state, name));
}

/**
 * Sign in with email and password; an unconfirmed address is offered a new confirmation link. After
 * repeated failures from here the server asks to wait (the button counts down); after too many failures
 * on the account from anywhere, password sign-in pauses and the owner is emailed a one-time sign-in link.
 */
export function SignInPage() {
  const { _ } = useLingui();
  const location = useLocation();
  const [search] = useSearchParams();
  const next = search.get('next');
  const [values, setValues] = useState({ email: '', password: '' });
  const [notConfirmed, setNotConfirmed] = useState(false);
  const [resent, setResent] = useState<string | null>(null);
  const [linkSent, setLinkSent] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useSecondsLeft(retryAt);
  const form = useFormState();
  const signIn = useSignInMutation();
  const resendConfirmation = useResendConfirmationMutation();
  const { reset: resetForm } = form;
  // Once the wait is over, its message is stale: clear it (the button says "Sign in" again).
  useEffect(() => {
    if (retryAt !== null && secondsLeft === 0) {
      setRetryAt(null);
      resetForm();
    }
  }, [retryAt, secondsLeft, resetForm]);
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const notice = flag(location.state, 'sessionEnded')
    ? _('auth.signIn.sessionEnded')
    : flag(location.state, 'signedOut')
      ? _('auth.signIn.signedOut')
      : flag(location.state, 'passwordReset')
        ? _('auth.signIn.passwordReset')
        : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotConfirmed(false);
    setResent(null);
    setLinkSent(null);
    setRetryAt(null);
    const body = form.check(signInSchema, values);
    if (!body) return;
    const outcome: { paused: string | null } = { paused: null };
    const done = await form.run(async () => {
      try {
        // Once signed in, every query is refetched; the guard around this page then sends the person
        // on (to ?next= or home).
        return await signIn.mutateAsync(body);
      } catch (error) {
        if (error instanceof ApiError) {
          if (error.fields.email === 'not_confirmed') setNotConfirmed(true);
          if (error.fields.email === 'signin_link_sent') outcome.paused = error.message;
          if (error.fields.password === 'wait' && error.retryAfterSeconds) {
            setRetryAt(Date.now() + error.retryAfterSeconds * 1000);
          }
        }
        throw error;
      }
    });
    if (outcome.paused) {
      // Not an error the person made: say what happened and where the way in is.
      form.reset();
      setLinkSent(outcome.paused);
      return;
    }
    if (!done) return;
    forgetNextAfterSignUp();
  };

  const resend = async () => {
    const body = form.check(z.object({ email: emailField }), { email: values.email });
    if (!body) return;
    const done = await form.run(() => resendConfirmation.mutateAsync(body));
    if (done) {
      setNotConfirmed(false);
      setResent(_('auth.signIn.resent', { email: body.email }));
    }
  };

  return (
    <AuthCard title={_('auth.signIn.title')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {notice && !form.message ? (
            <Alert color="forest" variant="light" role="status">
              {notice}
            </Alert>
          ) : null}
          <FormAlert message={form.message}>
            {form.fields.password === 'wait' ? (
              <Text size="sm" mt="xs">
                {_('auth.signIn.waitHelp')}
              </Text>
            ) : null}
            {notConfirmed ? (
              <Group mt="sm">
                <Button
                  size="xs"
                  variant="white"
                  color="red"
                  onClick={() => void resend()}
                  loading={form.busy}
                >
                  {_('auth.signIn.resend')}
                </Button>
              </Group>
            ) : null}
          </FormAlert>
          <StatusAlert message={resent} />
          <StatusAlert message={linkSent} title={_('auth.checkEmail.title')} />
          <TextInput
            label={_('auth.field.email')}
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={form.fields.email === 'not_confirmed' ? undefined : form.error('email')}
            required
          />
          <PasswordInput
            label={_('auth.field.password')}
            name="password"
            autoComplete="current-password"
            value={values.password}
            onChange={set('password')}
            error={form.fields.password === 'wait' ? undefined : form.error('password')}
            required
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {_('auth.signIn.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" loading={form.busy} disabled={secondsLeft > 0} fullWidth>
            {secondsLeft > 0
              ? _('auth.signIn.waiting', { time: clock(secondsLeft) })
              : _('auth.signIn.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Trans
              id="auth.signIn.newHere"
              components={{ link: <Anchor component={Link} to={withNext('/signup', next)} /> }}
            />
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
