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

/** After signing up: the confirmation link is on its way. */
export function CheckEmailPage() {
  const { state } = useLocation();
  const email = emailFrom(state);
  return (
    <AuthCard title="Check your email">
      <Stack gap="sm">
        <Text>
          We sent a confirmation link to {email ? <strong>{email}</strong> : 'your email address'}. Follow it
          to finish creating your account; it works for 48 hours.
        </Text>
        <Text size="sm" c="dimmed">
          Nothing arrived? Look in your spam folder, or{' '}
          <Anchor component={Link} to={withNext('/signin', nextFrom(state))}>
            sign in
          </Anchor>{' '}
          to ask for a new link.
        </Text>
      </Stack>
    </AuthCard>
  );
}
