import { useLingui } from '@lingui/react';
import {
  Button,
  Card,
  Group,
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
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { personKindMessages } from '../../components/person-card.tsx';
import { PhotoUpload } from '../../components/photo-upload.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
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

/** /settings/profile: edit your profile and photo. */
export function ProfileSettingsPage() {
  const { _ } = useLingui();
  const me = useSignedInMe();
  const units = useUnits();
  const save = useSaveProfileMutation();
  const photo = usePhotoMutations();
  const [values, setValues] = useState(() => initialValues(me));
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormState();
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return all.includes(values.timeZone) ? all : [values.timeZone, ...all];
  }, [values.timeZone]);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setSaved(null);
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const body = form.check(profileSchema, {
      ...values,
      unitId: values.unitId || null,
      language: values.language || null,
    });
    if (!body) return;
    // Shown in the chosen language at once and kept in this browser (useSaveProfileMutation).
    const updated = await form.run(() => save.mutateAsync(body));
    if (!updated) return;
    setValues(initialValues(updated));
    setSaved(_('settings.profile.saved'));
  };

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

        <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
          <Title order={2} size="h3" mb="md">
            {_('settings.profile.details')}
          </Title>
          <Stack gap="md">
            <FormAlert message={form.message} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={_('settings.profile.name')}
                name="displayName"
                autoComplete="name"
                value={values.displayName}
                onChange={(event) => set('displayName', event.currentTarget.value)}
                error={form.error('displayName')}
                required
              />
              <TextInput
                label={_('settings.profile.pronouns')}
                name="pronouns"
                placeholder={_('settings.profile.pronounsExample')}
                value={values.pronouns}
                onChange={(event) => set('pronouns', event.currentTarget.value)}
                error={form.error('pronouns')}
              />
              <NativeSelect
                label={_('settings.profile.unit')}
                name="unitId"
                description={_('settings.profile.unitDescription')}
                value={values.unitId}
                onChange={(event) => set('unitId', event.currentTarget.value)}
                error={form.error('unitId')}
                data={[
                  {
                    value: '',
                    label: units.isPending
                      ? _('settings.profile.unitsLoading')
                      : _('settings.profile.noUnit'),
                  },
                  ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
                ]}
              />
              <NativeSelect
                label={_('settings.profile.kind')}
                name="kind"
                description={_('settings.profile.kindDescription')}
                value={values.kind}
                onChange={(event) => set('kind', event.currentTarget.value)}
                error={form.error('kind')}
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
              value={values.bio}
              onChange={(event) => set('bio', event.currentTarget.value)}
              error={form.error('bio')}
            />
            <TagsInput
              label={_('settings.profile.expertise')}
              name="expertise"
              description={_('settings.profile.expertiseDescription')}
              placeholder={_('settings.profile.expertiseExample')}
              value={values.expertise}
              onChange={(tags) =>
                set(
                  'expertise',
                  tags.map((tag) => tag.trim().toLowerCase()),
                )
              }
              error={form.fields.expertise ?? form.fields['expertise.0']}
              splitChars={[',']}
              maxTags={30}
              clearable
            />
            <TagsInput
              label={_('settings.profile.interests')}
              name="interests"
              description={_('settings.profile.interestsDescription')}
              value={values.interests}
              onChange={(tags) =>
                set(
                  'interests',
                  tags.map((tag) => tag.trim().toLowerCase()),
                )
              }
              error={form.fields.interests ?? form.fields['interests.0']}
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
              value={values.timeZone}
              onChange={(zone) => set('timeZone', zone ?? values.timeZone)}
              error={form.error('timeZone')}
              allowDeselect={false}
              limit={50}
              nothingFoundMessage={_('settings.profile.noTimeZone')}
            />
            <NativeSelect
              label={_('common.language.label')}
              name="language"
              description={_('settings.profile.languageDescription')}
              value={values.language}
              onChange={(event) => {
                const value = event.currentTarget.value;
                set('language', isLocale(value) ? value : '');
              }}
              error={form.error('language')}
            >
              <option value="">{_('settings.profile.languageAutomatic')}</option>
              {locales.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {localeNames[locale]}
                </option>
              ))}
            </NativeSelect>
            <StatusAlert message={saved} />
            <Group>
              <Button type="submit" loading={form.busy}>
                {_('settings.profile.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <MeetingReminders />
      </Stack>
    </>
  );
}
