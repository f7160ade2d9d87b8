import { useLingui } from '@lingui/react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { displayNameField, emailField, institutionNameField, passwordField } from '../../common/fields.ts';
import { useSetupMutation } from '../api/admin.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useApiForm } from '../hooks/use-api-form.ts';

const setupSchema = z.object({
  institutionName: institutionNameField,
  displayName: displayNameField,
  email: emailField,
  password: passwordField,
});

/** The one-time set-up of a fresh installation: name the institution and create the first administrator. */
export function SetupPage() {
  const { _ } = useLingui();
  const setUp = useSetupMutation();
  const navigate = useNavigate();
  const { field, message, busy, submit } = useApiForm({
    initialValues: { institutionName: '', displayName: '', email: '', password: '' },
    schema: setupSchema,
  });

  return (
    <AuthCard title={_('pages.setup.title')} description={_('pages.setup.description')}>
      <form
        // The institution and the new administrator are refetched before the way home.
        onSubmit={submit(
          (body) => setUp.mutateAsync(body),
          () => void navigate('/', { replace: true }),
        )}
        noValidate
      >
        <Stack gap="md">
          <FormAlert message={message} />
          <TextInput
            label={_('pages.setup.institutionName')}
            name="institutionName"
            description={_('pages.setup.institutionNameDescription')}
            {...field('institutionName')}
            required
          />
          <TextInput
            label={_('pages.setup.name')}
            name="displayName"
            autoComplete="name"
            {...field('displayName')}
            required
          />
          <TextInput
            label={_('pages.setup.email')}
            name="email"
            type="email"
            autoComplete="email"
            {...field('email')}
            required
          />
          <PasswordInput
            label={_('pages.setup.password')}
            name="password"
            autoComplete="new-password"
            description={_('pages.setup.passwordHint')}
            {...field('password')}
            required
          />
          <Button type="submit" loading={busy} fullWidth>
            {_('pages.setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
