import { useLingui } from '@lingui/react';
import {
  Card,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { z } from 'zod';
import { personKinds } from '../../../common/enums.ts';
import {
  bioField,
  displayNameField,
  localeField,
  personKindField,
  pronounsField,
  tagListField,
  timeZoneField,
} from '../../../common/fields.ts';
import { isLocale, localeNames, locales } from '../../../common/i18n/locales.ts';
import { usePhotoMutations, useSaveProfileMutation } from '../../api/account.ts';
import { useSignedInMe, useUnits } from '../../api/queries.ts';
import type { Me } from '../../api/types.ts';
import { FormCard } from '../../components/form-card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { personKindMessages } from '../../components/person-card.tsx';
import { PhotoUpload } from '../../components/photo-upload.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { BadgeVisibility } from './badge-visibility.tsx';
import { LinkedProviders } from './linked-providers.tsx';
import { MeetingReminders } from './meeting-reminders.tsx';

const profileSchema = z.object({
  displayName: displayNameField,
  pronouns: pronounsField,
  unitId: z.string().nullable(),
  kind: personKindField,
  bio: bioField,
  interests: tagListField,
  expertise: tagListField,
  timeZone: timeZoneField,
  language: localeField.nullable(),
});

/** The form's values as the API takes them: '' in a select ("no unit", "Automatic") is null. */
const profileFormSchema = z
  .custom<ProfileValues>()
  .transform((values) => ({ ...values, unitId: values.unitId || null, language: values.language || null }))
  .pipe(profileSchema);

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function initialValues(me: Me) {
  return {
    displayName: me.displayName,
    pronouns: me.pronouns,
    unitId: me.unit?.id ?? '',
    kind: me.kind as string,
    bio: me.bio,
    interests: me.interests,
    expertise: me.expertise,
    // A new account starts on UTC: offer the browser's zone instead.
    timeZone: me.timeZone === 'UTC' && browserZone ? browserZone : me.timeZone,
    // '' is "Automatic": the browser's language (stored as null).
    language: isLocale(me.language) ? me.language : '',
  };
}

type ProfileValues = ReturnType<typeof initialValues>;

/** /settings/profile: edit your profile and photo. */
export function ProfileSettingsPage() {
  const { _ } = useLingui();
  const me = useSignedInMe();
  const units = useUnits();
  const save = useSaveProfileMutation();
  const photo = usePhotoMutations();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: initialValues(me),
    schema: profileFormSchema,
    form: { onValuesChange: () => setSaved(null) },
  });
  const { values } = form;
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return all.includes(values.timeZone) ? all : [values.timeZone, ...all];
  }, [values.timeZone]);
  /** Tags as they are kept: trimmed and in lower case. */
  const tags = (key: 'expertise' | 'interests') => ({
    value: values[key],
    onChange: (next: string[]) =>
      form.setFieldValue(
        key,
        next.map((tag) => tag.trim().toLowerCase()),
      ),
    error: form.errors[key] ?? form.errors[`${key}.0`],
  });

  // Shown in the chosen language at once and kept in this browser (useSaveProfileMutation).
  const send = submit(
    (body) => save.mutateAsync(body),
    (updated) => {
      form.setValues(initialValues(updated));
      setSaved(_('settings.profile.saved'));
    },
  );

  return (
    <>
      <PageHeader title={_('settings.profile.title')} description={_('settings.profile.description')} />
      <Stack gap="lg">
        <Card>
          <Title order={2} size="h3" mb="md">
            {_('settings.profile.photo')}
          </Title>
          <PhotoUpload
            label={_('settings.profile.photo')}
            kind="photo"
            preview={<PersonAvatar name={me.displayName} photoUrl={me.photoUrl} size={72} />}
            hasImage={me.photoUrl !== null}
            maxBytes={5 * 1024 * 1024}
            upload={photo.upload.mutateAsync}
            remove={photo.remove.mutateAsync}
          />
        </Card>

        <FormCard
          title={_('settings.profile.details')}
          submitLabel={_('settings.profile.save')}
          message={message}
          saved={saved}
          busy={busy}
          onSubmit={(event: FormEvent) => {
            setSaved(null);
            send(event);
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={_('settings.profile.name')}
              name="displayName"
              autoComplete="name"
              {...field('displayName')}
              required
            />
            <TextInput
              label={_('settings.profile.pronouns')}
              name="pronouns"
              placeholder={_('settings.profile.pronounsExample')}
              {...field('pronouns')}
            />
            <NativeSelect
              label={_('settings.profile.unit')}
              name="unitId"
              description={_('settings.profile.unitDescription')}
              {...field('unitId')}
              data={[
                {
                  value: '',
                  label: units.isPending ? _('settings.profile.unitsLoading') : _('settings.profile.noUnit'),
                },
                ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
            />
            <NativeSelect
              label={_('settings.profile.kind')}
              name="kind"
              description={_('settings.profile.kindDescription')}
              {...field('kind')}
              data={personKinds.map((kind) => ({ value: kind, label: _(personKindMessages[kind]) }))}
            />
          </SimpleGrid>
          <Textarea
            label={_('settings.profile.bio')}
            name="bio"
            description={_('settings.profile.bioDescription')}
            autosize
            minRows={4}
            maxRows={14}
            {...field('bio')}
          />
          <TagsInput
            label={_('settings.profile.expertise')}
            name="expertise"
            description={_('settings.profile.expertiseDescription')}
            placeholder={_('settings.profile.expertiseExample')}
            {...tags('expertise')}
            splitChars={[',']}
            maxTags={30}
            clearable
          />
          <TagsInput
            label={_('settings.profile.interests')}
            name="interests"
            description={_('settings.profile.interestsDescription')}
            {...tags('interests')}
            splitChars={[',']}
            maxTags={30}
            clearable
          />
          <Select
            label={_('settings.profile.timeZone')}
            name="timeZone"
            description={_('settings.profile.timeZoneDescription')}
            searchable
            data={zones}
            {...field('timeZone')}
            onChange={(zone) => {
              if (zone) form.setFieldValue('timeZone', zone);
            }}
            allowDeselect={false}
            limit={50}
            nothingFoundMessage={_('settings.profile.noTimeZone')}
          />
          <NativeSelect
            label={_('common.language.label')}
            name="language"
            description={_('settings.profile.languageDescription')}
            {...field('language')}
            onChange={(event) => {
              const value = event.currentTarget.value;
              form.setFieldValue('language', isLocale(value) ? value : '');
            }}
          >
            <option value="">{_('settings.profile.languageAutomatic')}</option>
            {locales.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {localeNames[locale]}
              </option>
            ))}
          </NativeSelect>
        </FormCard>
        <MeetingReminders />
        <BadgeVisibility />
        <LinkedProviders />
      </Stack>
    </>
  );
}
