import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiSend } from '../../api/client.ts';
import { clearSessionEnded } from '../../api/session.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

/**
 * /signin-link?token=…: the one-time link emailed when password sign-in to an account is paused. It signs
 * in only when the person presses the button, so a mail scanner that opens links cannot use it up.
 */
export function SigninLinkPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const form = useFormState();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await form.run(() => apiSend('POST', '/auth/signin-link', { token }));
    if (!done) {
      setFailed(true);
      return;
    }
    clearSessionEnded();
    // The guard around this page sends the person home once they are known.
    await queryClient.invalidateQueries();
  };

  if (!token) {
    return (
      <AuthCard title="Sign in with a link">
        <Alert color="red" variant="light" role="alert">
          This link is incomplete. Open the link from your email again.
        </Alert>
        <Button component={Link} to="/signin" variant="light">
          Go to sign in
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Sign in with a link"
      description="This link came by email because of many failed attempts to sign in to your account."
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          {failed ? (
            <Text size="sm">
              For a new link,{' '}
              <Anchor component={Link} to="/signin">
                sign in
              </Anchor>{' '}
              again: while password sign-in is paused, trying emails a new link (at most one every 15
              minutes). Or{' '}
              <Anchor component={Link} to="/forgot-password">
                reset your password
              </Anchor>
              .
            </Text>
          ) : (
            <Text>
              The link works once, for 15 minutes. If the failed attempts were not yours, choose a new, longer
              password once you are in (Settings → Password).
            </Text>
          )}
          <Button type="submit" loading={form.busy} fullWidth>
            Sign in to Copse
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
