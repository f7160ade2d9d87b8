import { useLingui } from '@lingui/react';
import { Alert, Button, Card, Group, Loader, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { z } from 'zod';
import { totpCodeField } from '../../../common/contracts/two-factor.ts';
import { type AuthenticatorSetup, useTwoFactorSettings, useTwoFactorStatus } from '../../api/two-factor.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AuthenticatorKey, CodeInput, RecoveryCodes } from '../../components/two-factor-parts.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';

const codeSchema = z.object({ code: totpCodeField });
const turnOffSchema = z
  .object({ password: z.string().max(200), code: z.union([z.literal(''), totpCodeField]) })
  .refine((v) => v.password !== '' || v.code !== '', {
    error: () => i18n._('validation.twoFactor.passwordOrCode'),
    path: ['password'],
  });

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Card maw={560}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Card>
  );
}

/**
 * /settings/security: two-factor sign-in. Off: set it up (QR code or key, then a first code), which shows
 * the recovery codes once. On: new recovery codes (with a current code) and, unless the role requires
 * it, turning it off (with the password or a code).
 */
export function TwoFactorSettingsPage() {
  const { _ } = useLingui();
  const status = useTwoFactorStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={_('twofactor.settings.title')} description={_('twofactor.settings.description')} />
      <Stack gap="lg">
        <StatusAlert message={done} />
        {codes ? (
          <Section title={_('twofactor.recovery.newTitle')}>
            <RecoveryCodes codes={codes} />
            <Group>
              <Button onClick={() => setCodes(null)}>{_('twofactor.recovery.saved')}</Button>
            </Group>
          </Section>
        ) : status.data === undefined ? (
          status.isError ? (
            <Alert color="red" variant="light" role="alert">
              {_('twofactor.settings.loadFailed')}
            </Alert>
          ) : (
            <Loader aria-label={_('twofactor.settings.loading')} />
          )
        ) : status.data.enabled ? (
          <>
            <Section title={_('twofactor.settings.onTitle')}>
              <Text>{_('twofactor.settings.on', { count: status.data.recoveryCodesLeft })}</Text>
              {status.data.required ? <Text size="sm">{_('twofactor.settings.required')}</Text> : null}
              <RegenerateForm
                onDone={(fresh) => {
                  setDone(null);
                  setCodes(fresh);
                }}
              />
            </Section>
            {status.data.required ? null : (
              <Section title={_('twofactor.settings.offTitle')}>
                <TurnOffForm onDone={() => setDone(_('twofactor.settings.turnedOff'))} />
              </Section>
            )}
          </>
        ) : (
          <Section title={_('twofactor.settings.setUpTitle')}>
            {status.data.required ? <Text size="sm">{_('twofactor.settings.required')}</Text> : null}
            <SetUp
              onDone={(fresh) => {
                setDone(_('twofactor.settings.turnedOn'));
                setCodes(fresh);
              }}
            />
          </Section>
        )}
      </Stack>
    </>
  );
}

function SetUp(props: { onDone: (codes: string[]) => void }) {
  const { _ } = useLingui();
  const { setup, confirm } = useTwoFactorSettings();
  const starting = useApiAction();
  const [key, setKey] = useState<AuthenticatorSetup | null>(null);
  const { field, message, busy, submit } = useApiForm({ initialValues: { code: '' }, schema: codeSchema });

  if (!key) {
    return (
      <Stack gap="sm">
        <Text>{_('twofactor.settings.off')}</Text>
        <FormAlert message={starting.message} />
        <Group>
          <Button
            loading={starting.busy}
            onClick={() =>
              void starting
                .run(() => setup.mutateAsync())
                .then((answer) => {
                  if (answer) setKey(answer);
                })
            }
          >
            {_('twofactor.settings.start')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form
      onSubmit={submit(
        (body) => confirm.mutateAsync(body.code),
        (answer) => props.onDone(answer.recoveryCodes),
      )}
      noValidate
    >
      <Stack gap="md">
        <AuthenticatorKey setup={key} />
        <FormAlert message={message} />
        <CodeInput
          label={_('twofactor.setup.code')}
          description={_('twofactor.setup.codeHelp')}
          {...field('code')}
          required
        />
        <Group>
          <Button type="submit" loading={busy}>
            {_('twofactor.setup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RegenerateForm(props: { onDone: (codes: string[]) => void }) {
  const { _ } = useLingui();
  const { regenerate } = useTwoFactorSettings();
  const { field, message, busy, submit, reset } = useApiForm({
    initialValues: { code: '' },
    schema: codeSchema,
  });
  return (
    <form
      onSubmit={submit(
        (body) => regenerate.mutateAsync(body.code),
        (answer) => {
          reset();
          props.onDone(answer.recoveryCodes);
        },
      )}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">{_('twofactor.recovery.regenerateHelp')}</Text>
        <FormAlert message={message} />
        <CodeInput label={_('twofactor.settings.currentCode')} {...field('code')} required />
        <Group>
          <Button type="submit" variant="light" loading={busy}>
            {_('twofactor.recovery.regenerate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TurnOffForm(props: { onDone: () => void }) {
  const { _ } = useLingui();
  const { turnOff } = useTwoFactorSettings();
  const { field, message, busy, submit } = useApiForm({
    initialValues: { password: '', code: '' },
    schema: turnOffSchema,
  });
  return (
    <form
      onSubmit={submit(
        (body) => turnOff.mutateAsync(body.password ? { password: body.password } : { code: body.code }),
        props.onDone,
      )}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">{_('twofactor.settings.offHelp')}</Text>
        <FormAlert message={message} />
        <PasswordInput
          label={_('twofactor.settings.password')}
          name="password"
          autoComplete="current-password"
          {...field('password')}
        />
        <CodeInput label={_('twofactor.settings.orCode')} {...field('code')} />
        <Group>
          <Button type="submit" color="red" variant="light" loading={busy}>
            {_('twofactor.settings.turnOff')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
