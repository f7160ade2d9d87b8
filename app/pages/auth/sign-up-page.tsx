import { Trans, useLingui } from '@lingui/react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { displayNameField, emailField, passwordField } from '../../../common/fields.ts';
import { useSignUpMutation } from '../../api/account.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { rememberNextAfterSignUp, withNext } from '../../lib/safe-next.ts';

const signUpSchema = z.object({ displayName: displayNameField, email: emailField, password: passwordField });

/** Create an account; a confirmation link is emailed. */
export function SignUpPage() {
  const { _ } = useLingui();
  const signUp = useSignUpMutation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = search.get('next');
  const { field, message, busy, submit } = useApiForm({
    initialValues: { displayName: '', email: '', password: '' },
    schema: signUpSchema,
  });

  return (
    <AuthCard title={_('auth.signUp.title')} description={_('auth.signUp.description')}>
      <form
        onSubmit={submit(
          async (body) => {
            await signUp.mutateAsync(body);
            return body.email;
          },
          (email) => {
            // The confirmation link comes back later, maybe in another tab: remember where they were going.
            rememberNextAfterSignUp(next);
            void navigate('/signup/check-email', { state: { email, next } });
          },
        )}
        noValidate
      >
        <Stack gap="md">
          <FormAlert message={message} />
          <TextInput
            label={_('auth.field.name')}
            name="displayName"
            autoComplete="name"
            {...field('displayName')}
            required
          />
          <TextInput
            label={_('auth.field.email')}
            name="email"
            type="email"
            autoComplete="email"
            {...field('email')}
            required
          />
          <PasswordInput
            label={_('auth.field.password')}
            name="password"
            autoComplete="new-password"
            description={_('auth.signUp.passwordHint')}
            {...field('password')}
            required
          />
          <Button type="submit" loading={busy} fullWidth>
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
