import { useLingui } from '@lingui/react';
import { Box, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import { institutionNameField } from '../../../common/fields.ts';
import { isLocale, type Locale, localeNames, locales } from '../../../common/i18n/locales.ts';
import { useInstitutionMutation, useLogoMutations } from '../../api/admin.ts';
import { useInstitution } from '../../api/queries.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { TreeIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { PhotoUpload } from '../../components/photo-upload.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

/**
 * The institution's default language: for signed-out visitors whose browser asks for none of Copse's
 * languages, invitations to people without an account and the charter template Copse starts with.
 */
function DefaultLanguageForm(props: { current: Locale }) {
  const { _ } = useLingui();
  const save = useInstitutionMutation();
  const [language, setLanguage] = useState<Locale>(props.current);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormState();

  useEffect(() => setLanguage(props.current), [props.current]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const done = await form.run(() => save.mutateAsync({ defaultLanguage: language }));
    if (!done) return;
    setSaved(_('admin.institution.languageSaved'));
  };

  return (
    <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
      <Title order={2} size="h3" mb="md">
        {_('admin.institution.languageTitle')}
      </Title>
      <Stack gap="md" maw={520}>
        <FormAlert message={form.message} />
        <NativeSelect
          label={_('admin.institution.languageLabel')}
          description={_('admin.institution.languageDescription')}
          name="defaultLanguage"
          value={language}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setSaved(null);
            if (isLocale(value)) setLanguage(value);
          }}
          error={form.error('defaultLanguage')}
        >
          {locales.map((option) => (
            <option key={option} value={option} lang={option}>
              {localeNames[option]}
            </option>
          ))}
        </NativeSelect>
        <StatusAlert message={saved} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {_('admin.institution.saveLanguage')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** /admin/institution: rename the institution, choose its default language and upload its logo. */
export function AdminInstitutionPage() {
  const { _ } = useLingui();
  const institution = useInstitution();
  const save = useInstitutionMutation();
  const logoImage = useLogoMutations();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormState();

  useEffect(() => {
    if (institution.data) setName(institution.data.name);
  }, [institution.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const body = form.check(z.object({ name: institutionNameField }), { name });
    if (!body) return;
    const done = await form.run(() => save.mutateAsync(body));
    if (!done) return;
    setSaved(_('admin.institution.nameSaved'));
  };

  const logo = institution.data?.logoUrl ?? null;
  return (
    <>
      <PageHeader title={_('admin.institution.title')} description={_('admin.institution.description')} />
      {institution.isPending ? (
        <PageLoader />
      ) : institution.isError ? (
        <LoadError error={institution.error} onRetry={() => void institution.refetch()} />
      ) : (
        <Stack gap="lg">
          <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
            <Title order={2} size="h3" mb="md">
              {_('admin.institution.nameTitle')}
            </Title>
            <Stack gap="md" maw={520}>
              <FormAlert message={form.message} />
              <TextInput
                label={_('admin.institution.nameLabel')}
                name="name"
                value={name}
                onChange={(event) => {
                  setSaved(null);
                  setName(event.currentTarget.value);
                }}
                error={form.error('name')}
                required
              />
              <StatusAlert message={saved} />
              <Group>
                <Button type="submit" loading={form.busy}>
                  {_('admin.institution.saveName')}
                </Button>
              </Group>
            </Stack>
          </Card>
          <DefaultLanguageForm current={institution.data.defaultLanguage} />
          <Card>
            <Title order={2} size="h3" mb={4}>
              {_('admin.institution.logoTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {_('admin.institution.logoHelp')}
            </Text>
            <PhotoUpload
              label={_('admin.institution.logoLabel')}
              kind="logo"
              preview={
                <Box
                  w={140}
                  h={64}
                  bg="gray.0"
                  style={{
                    display: 'grid',
                    placeItems: 'center',
                    borderRadius: 8,
                    border: '1px solid var(--mantine-color-gray-3)',
                  }}
                >
                  {logo ? (
                    <img
                      src={logo}
                      alt={_('admin.institution.currentLogo')}
                      style={{ maxWidth: 124, maxHeight: 52, objectFit: 'contain' }}
                    />
                  ) : (
                    <TreeIcon size={36} />
                  )}
                </Box>
              }
              hasImage={logo !== null}
              maxBytes={2 * 1024 * 1024}
              upload={logoImage.upload.mutateAsync}
              remove={logoImage.remove.mutateAsync}
            />
          </Card>
        </Stack>
      )}
    </>
  );
}
