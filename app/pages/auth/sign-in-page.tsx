import { Trans, useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { z } from 'zod';
import { emailField } from '../../../common/fields.ts';
import { useResendConfirmationMutation, useSignInMutation } from '../../api/account.ts';
import { ApiError } from '../../api/client.ts';
import type { SecondStep } from '../../api/two-factor.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';
import { forgetNextAfterSignUp, withNext } from '../../lib/safe-next.ts';
import { SecondStepCard } from './second-step.tsx';
import { SsoButtons, useSsoOnly } from './sso-buttons.tsx';

const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, { error: () => i18n._('auth.signIn.passwordRequired') }),
});
/** A new confirmation link needs only the address. */
const resendSchema = z.object({ email: emailField });

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
  // Single sign-on: in SSO-only mode the password form waits behind a button (break-glass and guests).
  const ssoOnly = useSsoOnly();
  const [passwordChosen, setPasswordChosen] = useState(false);
  const [notConfirmed, setNotConfirmed] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [resent, setResent] = useState<string | null>(null);
  const [linkSent, setLinkSent] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [secondStep, setSecondStep] = useState<SecondStep | null>(null);
  const secondsLeft = useSecondsLeft(retryAt);
  const { form, field, message, busy, check, checkWith, send, clear } = useApiForm({
    initialValues: { email: '', password: '' },
    schema: signInSchema,
  });
  const signIn = useSignInMutation();
  const resendConfirmation = useResendConfirmationMutation();
  /** Clears what the last attempt said, keeping what was typed. */
  const clearOutcome = useCallback(() => {
    clear();
    setWaiting(false);
  }, [clear]);
  // Once the wait is over, its message is stale: clear it (the button says "Sign in" again).
  useEffect(() => {
    if (retryAt !== null && secondsLeft === 0) {
      setRetryAt(null);
      clearOutcome();
    }
  }, [retryAt, secondsLeft, clearOutcome]);

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
    setWaiting(false);
    const body = check();
    if (!body) return;
    const outcome: { paused: string | null } = { paused: null };
    const done = await send(async () => {
      try {
        // Once signed in, every query is refetched; the guard around this page then sends the person
        // on (to ?next= or home).
        return await signIn.mutateAsync(body);
      } catch (error) {
        if (error instanceof ApiError) {
          if (error.fields.email === 'not_confirmed') setNotConfirmed(true);
          if (error.fields.email === 'signin_link_sent') outcome.paused = error.message;
          if (error.fields.password === 'wait') setWaiting(true);
          if (error.fields.password === 'wait' && error.retryAfterSeconds) {
            setRetryAt(Date.now() + error.retryAfterSeconds * 1000);
          }
        }
        throw error;
      }
    });
    if (outcome.paused) {
      // Not an error the person made: say what happened and where the way in is.
      clearOutcome();
      setLinkSent(outcome.paused);
      return;
    }
    if (!done) return;
    if (done.secondStep) {
      setSecondStep(done.secondStep);
      return;
    }
    forgetNextAfterSignUp();
  };

  const resend = async () => {
    const body = checkWith(resendSchema);
    if (!body) return;
    const done = await send(() => resendConfirmation.mutateAsync(body));
    if (done) {
      setNotConfirmed(false);
      setResent(_('auth.signIn.resent', { email: body.email }));
    }
  };

  if (secondStep) {
    return (
      <SecondStepCard
        step={secondStep}
        onRestart={() => {
          setSecondStep(null);
          clear();
        }}
      />
    );
  }

  return (
    <AuthCard title={_('auth.signIn.title')}>
      {/* Outside the form, which SSO-only mode hides until a password sign-in is chosen. */}
      {notice && !message ? (
        <Alert color="forest" variant="light" role="status" mb="md">
          {notice}
        </Alert>
      ) : null}
      <SsoButtons next={next} error={search.get('ssoError')} />
      {ssoOnly && !passwordChosen ? (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setPasswordChosen(true);
            window.requestAnimationFrame(() =>
              document.querySelector<HTMLInputElement>('input[name="email"]')?.focus(),
            );
          }}
        >
          {_('sso.signIn.localChoice')}
        </Anchor>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate hidden={ssoOnly && !passwordChosen}>
        <Stack gap="md">
          <FormAlert message={message}>
            {waiting ? (
              <Text size="sm" mt="xs">
                {_('auth.signIn.waitHelp')}
              </Text>
            ) : null}
            {notConfirmed ? (
              <Group mt="sm">
                <Button size="xs" variant="white" color="red" onClick={() => void resend()} loading={busy}>
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
            {...field('email')}
            error={form.errors.email === 'not_confirmed' ? undefined : field('email').error}
            required
          />
          <PasswordInput
            label={_('auth.field.password')}
            name="password"
            autoComplete="current-password"
            {...field('password')}
            error={form.errors.password === 'wait' ? undefined : field('password').error}
            required
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {_('auth.signIn.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" loading={busy} disabled={secondsLeft > 0} fullWidth>
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
