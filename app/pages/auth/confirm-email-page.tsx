import { useLingui } from '@lingui/react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useConfirmEmailMutation } from '../../api/account.ts';
import { errorMessage } from '../../api/client.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { PageLoader } from '../../components/page-states.tsx';
import { nextAfterSignUp, withNext } from '../../lib/safe-next.ts';

/** /confirm-email?token=…: confirms the address as soon as the page opens. */
export function ConfirmEmailPage() {
  const { _ } = useLingui();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const confirm = useConfirmEmailMutation();
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);

  if (!token) {
    return (
      <AuthCard title={_('auth.confirmEmail.title')}>
        <Alert color="red" variant="light" role="alert">
          {_('auth.confirmEmail.incomplete')}
        </Alert>
        <Button component={Link} to="/signin" variant="light">
          {_('auth.goToSignIn')}
        </Button>
      </AuthCard>
    );
  }
  if (confirm.isSuccess) {
    const next = nextAfterSignUp();
    return (
      <AuthCard title={_('auth.confirmEmail.doneTitle')}>
        <Stack gap="md">
          <Text>{next ? _('auth.confirmEmail.doneNext') : _('auth.confirmEmail.done')}</Text>
          <Button component={Link} to={withNext('/signin', next)}>
            {_('auth.signIn.submit')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  if (confirm.isError) {
    return (
      <AuthCard title={_('auth.confirmEmail.failedTitle')}>
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert">
            {errorMessage(confirm.error)}
          </Alert>
          <Text size="sm">{_('auth.confirmEmail.expiry')}</Text>
          <Button component={Link} to="/signin" variant="light">
            {_('auth.goToSignIn')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={_('auth.confirmEmail.confirmingTitle')}>
      <PageLoader label={_('auth.confirmEmail.confirming')} />
    </AuthCard>
  );
}
