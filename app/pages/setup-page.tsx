import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { displayNameField, emailField, institutionNameField, passwordField } from '../../common/fields.ts';
import { apiSend } from '../api/client.ts';
import { keys } from '../api/queries.ts';
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
  const [values, setValues] = useState({ institutionName: '', displayName: '', email: '', password: '' });
  const form = useFormState();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(setupSchema, values);
    if (!body) return;
    const done = await form.run(() => apiSend('POST', '/setup', body));
    if (!done) return;
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.institution }),
      queryClient.invalidateQueries({ queryKey: keys.me }),
    ]);
    await navigate('/', { replace: true });
  };

  return (
    <AuthCard
      title="Set up Copse"
      description="Welcome! Name your institution and create the administrator account. This page is shown only once."
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <TextInput
            label="Institution name"
            name="institutionName"
            description="Shown in the header and in emails, e.g. “Maastricht University”."
            value={values.institutionName}
            onChange={set('institutionName')}
            error={form.error('institutionName')}
            required
          />
          <TextInput
            label="Your name"
            name="displayName"
            autoComplete="name"
            value={values.displayName}
            onChange={set('displayName')}
            error={form.error('displayName')}
            required
          />
          <TextInput
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={form.error('email')}
            required
          />
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="new-password"
            description="At least 12 characters."
            value={values.password}
            onChange={set('password')}
            error={form.error('password')}
            required
          />
          <Button type="submit" loading={form.busy} fullWidth>
            Create administrator account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
