import { useLingui } from '@lingui/react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { displayNameField, emailField, institutionNameField, passwordField } from '../../common/fields.ts';
import { useSetupMutation } from '../api/admin.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useFormState } from '../hooks/use-form-state.ts';

const setupSchema = z.object({
  institutionName: institutionNameField,
  displayName: displayNameField,
  email: emailField,
  password: passwordField,
});

/** The one-time set-up of a fresh installation: name the institution and create the first administrator. */
export function SetupPage() {
  const { _ } = useLingui();
  const [values, setValues] = useState({ institutionName: '', displayName: '', email: '', password: '' });
  const form = useFormState();
  const setUp = useSetupMutation();
  const navigate = useNavigate();
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(setupSchema, values);
    if (!body) return;
    // The institution and the new administrator are refetched before the way home.
    const done = await form.run(() => setUp.mutateAsync(body));
    if (!done) return;
    await navigate('/', { replace: true });
  };

  return (
    <AuthCard title={_('pages.setup.title')} description={_('pages.setup.description')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <TextInput
            label={_('pages.setup.institutionName')}
            name="institutionName"
            description={_('pages.setup.institutionNameDescription')}
            value={values.institutionName}
            onChange={set('institutionName')}
            error={form.error('institutionName')}
            required
          />
          <TextInput
            label={_('pages.setup.name')}
            name="displayName"
            autoComplete="name"
            value={values.displayName}
            onChange={set('displayName')}
            error={form.error('displayName')}
            required
          />
          <TextInput
            label={_('pages.setup.email')}
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={form.error('email')}
            required
          />
          <PasswordInput
            label={_('pages.setup.password')}
            name="password"
            autoComplete="new-password"
            description={_('pages.setup.passwordHint')}
            value={values.password}
            onChange={set('password')}
            error={form.error('password')}
            required
          />
          <Button type="submit" loading={form.busy} fullWidth>
            {_('pages.setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
