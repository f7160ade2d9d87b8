import { Trans, useLingui } from '@lingui/react';
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
  const { _ } = useLingui();
  const { state } = useLocation();
  const email = emailFrom(state);
  return (
    <AuthCard title={_('auth.checkEmail.title')}>
      <Stack gap="sm">
        <Text>
          {email ? (
            <Trans id="auth.checkEmail.sentTo" values={{ email }} components={{ strong: <strong /> }} />
          ) : (
            _('auth.checkEmail.sentToYou')
          )}
        </Text>
        <Text size="sm">
          <Trans
            id="auth.checkEmail.existing"
            components={{
              signIn: <Anchor component={Link} to={withNext('/signin', nextFrom(state))} />,
              reset: <Anchor component={Link} to="/forgot-password" />,
            }}
          />
        </Text>
        <Text size="sm" c="dimmed">
          {_('auth.checkEmail.nothing')}
        </Text>
      </Stack>
    </AuthCard>
  );
}
