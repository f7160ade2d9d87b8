import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { displayNameField, emailField, passwordField } from '../../../common/fields.ts';
import { useSignUpMutation } from '../../api/account.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { rememberNextAfterSignUp, withNext } from '../../lib/safe-next.ts';

const signUpSchema = z.object({ displayName: displayNameField, email: emailField, password: passwordField });

/** Create an account; a confirmation link is emailed. */
export function SignUpPage() {
  const { _ } = useLingui();
  const [values, setValues] = useState({ displayName: '', email: '', password: '' });
  const form = useFormState();
  const signUp = useSignUpMutation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = search.get('next');
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(signUpSchema, values);
    if (!body) return;
    const done = await form.run(() => signUp.mutateAsync(body));
    if (!done) return;
    // The confirmation link comes back later, maybe in another tab: remember where they were going.
    rememberNextAfterSignUp(next);
    await navigate('/signup/check-email', { state: { email: body.email, next } });
  };

  return (
    <AuthCard title={_('auth.signUp.title')} description={_('auth.signUp.description')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <TextInput
            label={_('auth.field.name')}
            name="displayName"
            autoComplete="name"
            value={values.displayName}
            onChange={set('displayName')}
            error={form.error('displayName')}
            required
          />
          <TextInput
            label={_('auth.field.email')}
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={form.error('email')}
            required
          />
          <PasswordInput
            label={_('auth.field.password')}
            name="password"
            autoComplete="new-password"
            description={_('auth.signUp.passwordHint')}
            value={values.password}
            onChange={set('password')}
            error={form.error('password')}
            required
          />
          <Button type="submit" loading={form.busy} fullWidth>
            {_('auth.signUp.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Trans
              id="auth.signUp.haveAccount"
              components={{ link: <Anchor component={Link} to={withNext('/signin', next)} /> }}
            />
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
