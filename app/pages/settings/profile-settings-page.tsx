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
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { z } from 'zod';
import { personKinds } from '../../../common/enums.ts';
import {
  bioField,
  displayNameField,
  personKindField,
  pronounsField,
  tagListField,
  timeZoneField,
} from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys, useSignedInMe, useUnits } from '../../api/queries.ts';
import type { Me } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { kindLabels } from '../../components/person-card.tsx';
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
  };
}

/** /settings/profile: edit your profile and photo. */
export function ProfileSettingsPage() {
  const me = useSignedInMe();
  const units = useUnits();
  const queryClient = useQueryClient();
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
    const body = form.check(profileSchema, { ...values, unitId: values.unitId || null });
    if (!body) return;
    const updated = await form.run(() => apiSend<Me>('PATCH', '/me', body));
    if (!updated) return;
    queryClient.setQueryData(keys.me, updated);
    setValues(initialValues(updated));
    await queryClient.invalidateQueries({ queryKey: keys.people });
    setSaved('Your profile is saved.');
  };

  const refreshMe = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.me });
    await queryClient.invalidateQueries({ queryKey: keys.people });
  };

  return (
    <>
      <PageHeader title="Your profile" description="What colleagues see when they find you." />
      <Stack gap="lg">
        <Card>
          <Title order={2} size="h3" mb="md">
            Photo
          </Title>
          <PhotoUpload
            label="Photo"
            preview={<PersonAvatar name={me.displayName} photoUrl={me.photoUrl} size={72} />}
            hasImage={me.photoUrl !== null}
            maxBytes={5 * 1024 * 1024}
            uploadPath="/me/photo"
            removePath="/me/photo"
            onChanged={refreshMe}
          />
        </Card>

        <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
          <Title order={2} size="h3" mb="md">
            Details
          </Title>
          <Stack gap="md">
            <FormAlert message={form.message} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Name"
                name="displayName"
                autoComplete="name"
                value={values.displayName}
                onChange={(event) => set('displayName', event.currentTarget.value)}
                error={form.error('displayName')}
                required
              />
              <TextInput
                label="Pronouns"
                name="pronouns"
                placeholder="e.g. she/her, they/them"
                value={values.pronouns}
                onChange={(event) => set('pronouns', event.currentTarget.value)}
                error={form.error('pronouns')}
              />
              <NativeSelect
                label="Unit"
                name="unitId"
                description="Your faculty, department or service."
                value={values.unitId}
                onChange={(event) => set('unitId', event.currentTarget.value)}
                error={form.error('unitId')}
                data={[
                  { value: '', label: units.isPending ? 'Loading units…' : 'No unit' },
                  ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
                ]}
              />
              <NativeSelect
                label="I am"
                name="kind"
                description="Staff, student or from outside the institution."
                value={values.kind}
                onChange={(event) => set('kind', event.currentTarget.value)}
                error={form.error('kind')}
                data={personKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
              />
            </SimpleGrid>
            <Textarea
              label="Bio"
              name="bio"
              description="A few lines about your work. Markdown works: **bold**, _italic_, [a link](https://…), lists."
              autosize
              minRows={4}
              maxRows={14}
              value={values.bio}
              onChange={(event) => set('bio', event.currentTarget.value)}
              error={form.error('bio')}
            />
            <TagsInput
              label="Expertise"
              name="expertise"
              description="What colleagues can ask you about. Press Enter after each tag."
              placeholder="e.g. assessment"
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
              label="Interests"
              name="interests"
              description="Topics you would like to learn more about. Press Enter after each tag."
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
              label="Time zone"
              name="timeZone"
              description="Meeting times are shown in this zone."
              searchable
              data={zones}
              value={values.timeZone}
              onChange={(zone) => set('timeZone', zone ?? values.timeZone)}
              error={form.error('timeZone')}
              allowDeselect={false}
              limit={50}
              nothingFoundMessage="No time zone matches"
            />
            <StatusAlert message={saved} />
            <Group>
              <Button type="submit" loading={form.busy}>
                Save profile
              </Button>
            </Group>
          </Stack>
        </Card>
        <MeetingReminders />
      </Stack>
    </>
  );
}
