import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiSend, errorMessage } from '../../api/client.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { PageLoader } from '../../components/page-states.tsx';
import { nextAfterSignUp, withNext } from '../../lib/safe-next.ts';

/** /confirm-email?token=…: confirms the address as soon as the page opens. */
export function ConfirmEmailPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const confirm = useMutation({
    mutationFn: (value: string) => apiSend('POST', '/auth/confirm-email', { token: value }),
  });
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);

  if (!token) {
    return (
      <AuthCard title="Confirm your email">
        <Alert color="red" variant="light" role="alert">
          This link is incomplete. Open the link from your email again, or sign in to ask for a new one.
        </Alert>
        <Button component={Link} to="/signin" variant="light">
          Go to sign in
        </Button>
      </AuthCard>
    );
  }
  if (confirm.isSuccess) {
    const next = nextAfterSignUp();
    return (
      <AuthCard title="Email confirmed">
        <Stack gap="md">
          <Text>
            Thank you: your email address is confirmed and your account is ready.
            {next ? ' Sign in to continue where you left off.' : ''}
          </Text>
          <Button component={Link} to={withNext('/signin', next)}>
            Sign in
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  if (confirm.isError) {
    return (
      <AuthCard title="This link did not work">
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert">
            {errorMessage(confirm.error)}
          </Alert>
          <Text size="sm">Links expire after 48 hours and work once. Sign in to ask for a new one.</Text>
          <Button component={Link} to="/signin" variant="light">
            Go to sign in
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Confirming your email">
      <PageLoader label="Confirming…" />
    </AuthCard>
  );
}
