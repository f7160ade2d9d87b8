import { useLingui } from '@lingui/react';
import { Box, Card, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import { institutionNameField, localeField } from '../../../common/fields.ts';
import { isLocale, type Locale, localeNames, locales } from '../../../common/i18n/locales.ts';
import { type InstitutionChange, useInstitutionMutation, useLogoMutations } from '../../api/admin.ts';
import { useInstitution } from '../../api/queries.ts';
import { FormCard } from '../../components/form-card.tsx';
import { TreeIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { PhotoUpload } from '../../components/photo-upload.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

const nameSchema = z.object({ name: institutionNameField });
const languageSchema = z.object({ defaultLanguage: localeField });

/**
 * One of the institution's settings as its own form: the value the server keeps (refetched after a
 * change), the "saved" notice (gone as soon as the value changes or is sent again) and the card's props.
 */
function useInstitutionSetting<Schema extends z.ZodType<InstitutionChange>>(
  key: 'name' | 'defaultLanguage',
  current: string,
  schema: Schema,
  savedMessage: string,
) {
  const save = useInstitutionMutation();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, field, message, busy, submit } = useApiForm({ initialValues: { [key]: current }, schema });
  const { setFieldValue } = form;

  useEffect(() => setFieldValue(key, current), [setFieldValue, key, current]);

  const send = submit(
    (body) => save.mutateAsync(body),
    () => setSaved(savedMessage),
  );
  return {
    field: field(key),
    change: (value: string) => {
      setSaved(null);
      setFieldValue(key, value);
    },
    card: {
      message,
      saved,
      busy,
      onSubmit: (event: FormEvent) => {
        setSaved(null);
        send(event);
      },
    },
  };
}

/**
 * The institution's default language: for signed-out visitors whose browser asks for none of Copse's
 * languages, invitations to people without an account and the charter template Copse starts with.
 */
function DefaultLanguageForm(props: { current: Locale }) {
  const { _ } = useLingui();
  const setting = useInstitutionSetting(
    'defaultLanguage',
    props.current,
    languageSchema,
    _('admin.institution.languageSaved'),
  );
  return (
    <FormCard
      title={_('admin.institution.languageTitle')}
      submitLabel={_('admin.institution.saveLanguage')}
      maw={520}
      {...setting.card}
    >
      <NativeSelect
        label={_('admin.institution.languageLabel')}
        description={_('admin.institution.languageDescription')}
        name="defaultLanguage"
        {...setting.field}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLocale(value)) setting.change(value);
        }}
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </NativeSelect>
    </FormCard>
  );
}

/** The institution's name, shown in the header and in emails. */
function NameForm(props: { current: string }) {
  const { _ } = useLingui();
  const setting = useInstitutionSetting('name', props.current, nameSchema, _('admin.institution.nameSaved'));
  return (
    <FormCard
      title={_('admin.institution.nameTitle')}
      submitLabel={_('admin.institution.saveName')}
      maw={520}
      {...setting.card}
    >
      <TextInput
        label={_('admin.institution.nameLabel')}
        name="name"
        {...setting.field}
        onChange={(event) => setting.change(event.currentTarget.value)}
        required
      />
    </FormCard>
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
