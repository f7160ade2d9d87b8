import { useLingui } from '@lingui/react';
import { Alert, Button, Divider, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import {
  useConfirmSsoLinkMutation,
  useLinkWithPasswordMutation,
  usePendingSsoLink,
  useSendSsoLinkEmailMutation,
} from '../../api/sso.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageLoader } from '../../components/page-states.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';

const passwordSchema = z.object({
  password: z.string().min(1, { error: () => i18n._('auth.signIn.passwordRequired') }),
});

function GoToSignIn() {
  const { _ } = useLingui();
  return (
    <Button component={Link} to="/signin" variant="light">
      {_('auth.goToSignIn')}
    </Button>
  );
}

/** /signin/sso-link?token=…: the emailed link; it links and signs in only on a button press (mail scanners). */
function ConfirmByEmail(props: { token: string }) {
  const { _ } = useLingui();
  const confirming = useApiAction();
  const confirm = useConfirmSsoLinkMutation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Once signed in, every query is refetched; the guard around this page then sends the person home.
    void confirming.run(() => confirm.mutateAsync(props.token));
  };
  return (
    <AuthCard title={_('sso.link.title')} description={_('sso.link.confirmIntro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={confirming.message} />
          <Button type="submit" loading={confirming.busy} fullWidth>
            {_('sso.link.confirm')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

/**
 * /signin/sso-link: a provider gave an address that already has a Copse account. Nothing is linked on
 * the provider's word: the person proves the account is theirs with its password, or with a link
 * emailed to its address.
 */
export function SsoLinkPage() {
  const { _ } = useLingui();
  const [search] = useSearchParams();
  const token = search.get('token');
  const pending = usePendingSsoLink();
  const linkWithPassword = useLinkWithPasswordMutation();
  const sendEmail = useSendSsoLinkEmailMutation();
  const emailing = useApiAction();
  const [sent, setSent] = useState<string | null>(null);
  const { field, message, busy, submit } = useApiForm({
    initialValues: { password: '' },
    schema: passwordSchema,
  });

  if (token) return <ConfirmByEmail token={token} />;
  if (pending.isPending) return <PageLoader />;
  if (!pending.data) {
    return (
      <AuthCard title={_('sso.link.title')}>
        <Alert color="red" variant="light" role="alert">
          {_('errors.sso.linkExpired')}
        </Alert>
        <GoToSignIn />
      </AuthCard>
    );
  }
  const { providerName, email, hasPassword } = pending.data;
  const emailLink = async () => {
    setSent(null);
    const done = await emailing.run(() => sendEmail.mutateAsync());
    if (done) setSent(_('sso.link.emailSent', { email }));
  };

  return (
    <AuthCard
      title={_('sso.link.title')}
      description={_('sso.link.intro', { provider: providerName, email })}
    >
      <Stack gap="md">
        {hasPassword ? (
          <form onSubmit={submit((body) => linkWithPassword.mutateAsync(body))} noValidate>
            <Stack gap="md">
              <FormAlert message={message} />
              <PasswordInput
                label={_('sso.link.passwordLabel')}
                name="password"
                autoComplete="current-password"
                {...field('password')}
                required
              />
              <Button type="submit" loading={busy} fullWidth>
                {_('sso.link.withPassword')}
              </Button>
            </Stack>
          </form>
        ) : null}
        {hasPassword ? <Divider label={_('sso.signIn.or')} /> : null}
        <FormAlert message={emailing.message} />
        <StatusAlert message={sent} />
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {_('sso.link.emailIntro', { email })}
        </Text>
        <Button variant="light" onClick={() => void emailLink()} loading={emailing.busy}>
          {_('sso.link.sendEmail')}
        </Button>
        <GoToSignIn />
      </Stack>
    </AuthCard>
  );
}
