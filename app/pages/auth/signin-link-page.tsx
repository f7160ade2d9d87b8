import { Trans, useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSigninLinkMutation } from '../../api/account.ts';
import type { SecondStep } from '../../api/two-factor.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { SecondStepCard } from './second-step.tsx';

/**
 * /signin-link?token=…: the one-time link emailed when password sign-in to an account is paused. It signs
 * in only when the person presses the button, so a mail scanner that opens links cannot use it up.
 */
export function SigninLinkPage() {
  const { _ } = useLingui();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const signingIn = useApiAction();
  const signIn = useSigninLinkMutation();
  const [failed, setFailed] = useState(false);
  const [secondStep, setSecondStep] = useState<SecondStep | null>(null);
  const navigate = useNavigate();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Once signed in, every query is refetched; the guard around this page then sends the person home.
    const done = await signingIn.run(() => signIn.mutateAsync(token));
    if (!done) setFailed(true);
    // Two-factor on: the code (or setting it up) comes first.
    else if (done.secondStep) setSecondStep(done.secondStep);
  };

  if (secondStep) return <SecondStepCard step={secondStep} onRestart={() => navigate('/signin')} />;

  if (!token) {
    return (
      <AuthCard title={_('auth.signinLink.title')}>
        <Alert color="red" variant="light" role="alert">
          {_('auth.signinLink.incomplete')}
        </Alert>
        <Button component={Link} to="/signin" variant="light">
          {_('auth.goToSignIn')}
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={_('auth.signinLink.title')} description={_('auth.signinLink.description')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={signingIn.message} />
          {failed ? (
            <Text size="sm">
              <Trans
                id="auth.signinLink.failed"
                components={{
                  signIn: <Anchor component={Link} to="/signin" />,
                  reset: <Anchor component={Link} to="/forgot-password" />,
                }}
              />
            </Text>
          ) : (
            <Text>{_('auth.signinLink.intro')}</Text>
          )}
          <Button type="submit" loading={signingIn.busy} fullWidth>
            {_('auth.signinLink.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
