import { useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { signinCodeField, totpCodeField } from '../../../common/contracts/two-factor.ts';
import { type AuthenticatorSetup, type SecondStep, useSecondStep } from '../../api/two-factor.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { AuthenticatorKey, CodeInput, RecoveryCodes } from '../../components/two-factor-parts.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { forgetNextAfterSignUp } from '../../lib/safe-next.ts';

const codeSchema = z.object({ code: signinCodeField });
const enrolSchema = z.object({ code: totpCodeField });

/**
 * The second step of a local sign-in, after the password or a sign-in link: a code from the
 * authenticator app (or a recovery code), or, for a role that requires two-factor and has none,
 * setting it up first. Focus moves to the step's heading, so a screen reader hears where it is.
 */
export function SecondStepCard(props: { step: SecondStep; onRestart: () => void }) {
  return props.step.step === 'code' ? (
    <CodeStep challenge={props.step.challenge} onRestart={props.onRestart} />
  ) : (
    <EnrolStep challenge={props.step.challenge} onRestart={props.onRestart} />
  );
}

/** Back to the password: a new sign-in (the step expires after five minutes or five wrong codes). */
function RestartButton(props: { onRestart: () => void }) {
  const { _ } = useLingui();
  return (
    // A link-like button, whose words wrap on a narrow phone (a Button's label would be cut off).
    <Anchor component="button" type="button" onClick={props.onRestart} ta="center" w="100%" fw={600}>
      {_('twofactor.signIn.restart')}
    </Anchor>
  );
}

function useFocusTitle() {
  useEffect(() => {
    document.querySelector<HTMLElement>('[data-page-title]')?.focus();
  }, []);
}

function CodeStep(props: { challenge: string; onRestart: () => void }) {
  const { _ } = useLingui();
  useFocusTitle();
  const { verify } = useSecondStep();
  const { field, message, busy, submit } = useApiForm({ initialValues: { code: '' }, schema: codeSchema });
  return (
    <AuthCard title={_('twofactor.signIn.title')} description={_('twofactor.signIn.description')}>
      <form
        onSubmit={submit(
          (body) => verify.mutateAsync({ challenge: props.challenge, code: body.code }),
          forgetNextAfterSignUp,
        )}
        noValidate
      >
        <Stack gap="md">
          <FormAlert message={message} />
          <TextInput
            label={_('twofactor.signIn.code')}
            description={_('twofactor.signIn.codeHelp')}
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            {...field('code')}
            required
          />
          <Button type="submit" loading={busy} fullWidth>
            {_('twofactor.signIn.submit')}
          </Button>
          <RestartButton onRestart={props.onRestart} />
        </Stack>
      </form>
    </AuthCard>
  );
}

function EnrolStep(props: { challenge: string; onRestart: () => void }) {
  const { _ } = useLingui();
  useFocusTitle();
  const { enrol, confirmEnrolment, signedIn } = useSecondStep();
  const loading = useApiAction();
  const [setup, setSetup] = useState<AuthenticatorSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { field, message, busy, submit } = useApiForm({ initialValues: { code: '' }, schema: enrolSchema });
  const { run } = loading;
  const { mutateAsync: begin } = enrol;

  useEffect(() => {
    void run(() => begin(props.challenge)).then((answer) => {
      if (answer) setSetup(answer);
    });
  }, [run, begin, props.challenge]);

  if (codes) {
    return (
      <AuthCard title={_('twofactor.enrol.doneTitle')}>
        <Stack gap="md">
          <Alert color="forest" variant="light" role="status">
            {_('twofactor.enrol.done')}
          </Alert>
          <RecoveryCodes codes={codes} />
          <Button
            onClick={() => {
              forgetNextAfterSignUp();
              void signedIn();
            }}
            fullWidth
          >
            {_('twofactor.enrol.continue')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={_('twofactor.enrol.title')} description={_('twofactor.enrol.description')}>
      <Stack gap="md">
        <FormAlert message={loading.message} />
        {setup ? (
          <form
            onSubmit={submit(
              (body) => confirmEnrolment.mutateAsync({ challenge: props.challenge, code: body.code }),
              (answer) => setCodes(answer.recoveryCodes),
            )}
            noValidate
          >
            <Stack gap="md">
              <AuthenticatorKey setup={setup} />
              <FormAlert message={message} />
              <CodeInput
                label={_('twofactor.setup.code')}
                description={_('twofactor.setup.codeHelp')}
                {...field('code')}
                required
              />
              <Button type="submit" loading={busy} fullWidth>
                {_('twofactor.setup.submit')}
              </Button>
            </Stack>
          </form>
        ) : loading.message ? (
          <Text size="sm">{_('twofactor.enrol.startAgain')}</Text>
        ) : (
          <Loader aria-label={_('twofactor.enrol.loading')} />
        )}
        <RestartButton onRestart={props.onRestart} />
      </Stack>
    </AuthCard>
  );
}
