import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { AuthCard } from '../../components/auth-card.tsx';
import { withNext } from '../../lib/safe-next.ts';

function emailFrom(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('email' in state)) return null;
  return typeof state.email === 'string' ? state.email : null;
}

function nextFrom(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('next' in state)) return null;
  return typeof state.next === 'string' ? state.next : null;
}

/**
 * After signing up: an email is on its way. The same words whether or not the address had an account
 * already (the server answers alike and emails that account's owner instead), so this page tells no one
 * who has an account.
 */
export function CheckEmailPage() {
  const { state } = useLocation();
  const email = emailFrom(state);
  return (
    <AuthCard title="Check your email">
      <Stack gap="sm">
        <Text>
          We sent an email to {email ? <strong>{email}</strong> : 'your email address'}. Follow the
          confirmation link in it to finish creating your account; it works for 48 hours.
        </Text>
        <Text size="sm">
          If this address already has an account, the email says so instead: then{' '}
          <Anchor component={Link} to={withNext('/signin', nextFrom(state))}>
            sign in
          </Anchor>{' '}
          or{' '}
          <Anchor component={Link} to="/forgot-password">
            reset your password
          </Anchor>
          .
        </Text>
        <Text size="sm" c="dimmed">
          Nothing arrived? Look in your spam folder, or sign in to ask for a new confirmation link.
        </Text>
      </Stack>
    </AuthCard>
  );
}
