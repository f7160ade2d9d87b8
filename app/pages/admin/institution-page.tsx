import { useLingui } from '@lingui/react';
import { Box, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import { institutionNameField, localeField } from '../../../common/fields.ts';
import { isLocale, type Locale, localeNames, locales } from '../../../common/i18n/locales.ts';
import { useInstitutionMutation, useLogoMutations } from '../../api/admin.ts';
import { useInstitution } from '../../api/queries.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { TreeIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { PhotoUpload } from '../../components/photo-upload.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

const nameSchema = z.object({ name: institutionNameField });
const languageSchema = z.object({ defaultLanguage: localeField });

/**
 * The institution's default language: for signed-out visitors whose browser asks for none of Copse's
 * languages, invitations to people without an account and the charter template Copse starts with.
 */
function DefaultLanguageForm(props: { current: Locale }) {
  const { _ } = useLingui();
  const save = useInstitutionMutation();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: { defaultLanguage: props.current },
    schema: languageSchema,
  });
  const { setFieldValue } = form;

  useEffect(() => setFieldValue('defaultLanguage', props.current), [setFieldValue, props.current]);

  const send = submit(
    (body) => save.mutateAsync(body),
    () => setSaved(_('admin.institution.languageSaved')),
  );

  return (
    <Card
      component="form"
      onSubmit={(event: FormEvent) => {
        setSaved(null);
        send(event);
      }}
      noValidate
    >
      <Title order={2} size="h3" mb="md">
        {_('admin.institution.languageTitle')}
      </Title>
      <Stack gap="md" maw={520}>
        <FormAlert message={message} />
        <NativeSelect
          label={_('admin.institution.languageLabel')}
          description={_('admin.institution.languageDescription')}
          name="defaultLanguage"
          {...field('defaultLanguage')}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setSaved(null);
            if (isLocale(value)) setFieldValue('defaultLanguage', value);
          }}
        >
          {locales.map((option) => (
            <option key={option} value={option} lang={option}>
              {localeNames[option]}
            </option>
          ))}
        </NativeSelect>
        <StatusAlert message={saved} />
        <Group>
          <Button type="submit" loading={busy}>
            {_('admin.institution.saveLanguage')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The institution's name, shown in the header and in emails. */
function NameForm(props: { current: string }) {
  const { _ } = useLingui();
  const save = useInstitutionMutation();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: { name: props.current },
    schema: nameSchema,
  });
  const { setFieldValue } = form;

  // The saved name as the server keeps it (refetched after a change).
  useEffect(() => setFieldValue('name', props.current), [setFieldValue, props.current]);

  const send = submit(
    (body) => save.mutateAsync(body),
    () => setSaved(_('admin.institution.nameSaved')),
  );

  return (
    <Card
      component="form"
      onSubmit={(event: FormEvent) => {
        setSaved(null);
        send(event);
      }}
      noValidate
    >
      <Title order={2} size="h3" mb="md">
        {_('admin.institution.nameTitle')}
      </Title>
      <Stack gap="md" maw={520}>
        <FormAlert message={message} />
        <TextInput
          label={_('admin.institution.nameLabel')}
          name="name"
          {...field('name')}
          onChange={(event) => {
            setSaved(null);
            setFieldValue('name', event.currentTarget.value);
          }}
          required
        />
        <StatusAlert message={saved} />
        <Group>
          <Button type="submit" loading={busy}>
            {_('admin.institution.saveName')}
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
  const logoImage = useLogoMutations();

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
          <NameForm current={institution.data.name} />
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
