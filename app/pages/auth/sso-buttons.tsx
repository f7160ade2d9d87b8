import { useLingui } from '@lingui/react';
import { Button, Divider, Stack } from '@mantine/core';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { ssoStartUrl, useSsoOptions } from '../../api/sso.ts';
import { FormAlert } from '../../components/form-alert.tsx';

/** Why a return from a provider signed nobody in (the server's `ssoError`), in the person's words. */
const ssoErrors: Record<string, MessageId> = {
  expired: 'sso.error.expired',
  cancelled: 'sso.error.cancelled',
  invalid: 'sso.error.invalid',
  suspended: 'sso.error.suspended',
  noEmail: 'sso.error.noEmail',
  unavailable: 'sso.error.unavailable',
};

/**
 * The sign-in page's single sign-on part: a "Sign in with …" button per enabled identity provider (each
 * a full page load to the provider), and what went wrong when a provider sent the person back unsigned.
 */
export function SsoButtons(props: { next: string | null; error: string | null }) {
  const { _ } = useLingui();
  const options = useSsoOptions();
  const providers = options.data?.providers ?? [];
  const error = props.error ? (ssoErrors[props.error] ?? 'sso.error.invalid') : null;
  if (providers.length === 0 && !error) return null;
  return (
    <Stack gap="sm">
      <FormAlert message={error ? _(error) : null} />
      {providers.map((provider) => (
        <Button
          key={provider.id}
          component="a"
          href={ssoStartUrl(provider.id, props.next)}
          variant="light"
          fullWidth
          h="auto"
          py={8}
          // A long provider name wraps rather than being cut off on a narrow screen.
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        >
          {_('sso.signIn.with', { provider: provider.name })}
        </Button>
      ))}
      {providers.length > 0 && !options.data?.ssoOnly ? <Divider label={_('sso.signIn.or')} /> : null}
    </Stack>
  );
}

/** Whether the password form is shown: always, unless sign-in is through the providers only. */
export function useSsoOnly(): boolean {
  return useSsoOptions().data?.ssoOnly ?? false;
}
