import { useLingui } from '@lingui/react';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import {
  audienceMessages,
  audiences,
  communityKindMessages,
  communityKinds,
  joinPolicies,
  joinPolicyMessages,
  meetingFormatMessages,
  meetingFormats,
  meetingSchedulers,
  visibilities,
  visibilityMessages,
} from '../../../common/enums.ts';
import { communityNameField, longTextField, purposeField, tagListField } from '../../../common/fields.ts';
import { useUpdateCommunityMutation } from '../../api/communities.ts';
import { useUnits } from '../../api/queries.ts';
import type { Community } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from './community-context.ts';

const detailsSchema = z.object({
  name: communityNameField,
  kind: z.enum(communityKinds),
  purpose: purposeField,
  description: longTextField,
  intendedMembers: longTextField,
  meetingPlan: longTextField,
  topics: tagListField,
  /** "" is the select's "across units" choice. */
  unitId: z.string().transform((id) => id || null),
  audience: z.enum(audiences),
  format: z.enum(meetingFormats),
  visibility: z.enum(visibilities),
  joinPolicy: z.enum(joinPolicies),
  requireGuidelines: z.boolean(),
  meetingSchedulers: z.enum(meetingSchedulers),
});

const schedulerLabels = {
  leaders: 'communities.edit.schedulers.leaders',
  members: 'communities.edit.schedulers.members',
} as const;

function initialValues(community: Community) {
  return {
    name: community.name,
    kind: community.kind as string,
    purpose: community.purpose,
    description: community.description,
    intendedMembers: community.intendedMembers,
    meetingPlan: community.meetingPlan,
    topics: community.topics,
    unitId: community.unit?.id ?? '',
    audience: community.audience as string,
    format: community.format as string,
    visibility: community.visibility as string,
    joinPolicy: community.joinPolicy as string,
    requireGuidelines: community.requireGuidelines,
    meetingSchedulers: community.meetingSchedulers as string,
  };
}

/** /communities/:slug/edit: leaders edit the community's details. */
export function EditCommunityPage() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(`${_('communities.header.editDetails')} · ${home.community.name}`);
  const units = useUnits();
  const update = useUpdateCommunityMutation(slug);
  const [saved, setSaved] = useState(false);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: initialValues(home.community),
    schema: detailsSchema,
    // Any change after a save takes its confirmation away.
    form: { onValuesChange: () => setSaved(false) },
  });

  if (!home.viewer.canManage) {
    return (
      <EmptyState
        title={_('communities.edit.leadersOnly')}
        action={
          <Button component={Link} to={`/communities/${slug}`} variant="light" mt="sm">
            {_('communities.edit.back')}
          </Button>
        }
      >
        {home.community.stage === 'archived'
          ? _('communities.edit.archived')
          : _('communities.edit.askLeaders')}
      </EmptyState>
    );
  }

  const save = submit(
    (body) => update.mutateAsync(body),
    (updated) => {
      const values = initialValues(updated);
      form.setInitialValues(values);
      form.setValues(values);
      setSaved(true);
    },
  );

  return (
    <Card
      component="form"
      onSubmit={(event: FormEvent) => {
        setSaved(false);
        save(event);
      }}
      noValidate
      aria-labelledby="edit-title"
    >
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} id="edit-title">
            {_('communities.header.editDetails')}
          </Title>
          <Anchor component={Link} to={`/communities/${slug}`} size="sm">
            {_('communities.edit.back')}
          </Anchor>
        </Group>
        <FormAlert message={message} />
        <TextInput label={_('communities.edit.name')} name="name" {...field('name')} required />
        <Textarea
          label={_('communities.about.purpose')}
          name="purpose"
          description={_('communities.edit.purposeDescription')}
          autosize
          minRows={2}
          maxRows={8}
          {...field('purpose')}
          required
        />
        <Textarea
          label={_('communities.edit.description')}
          name="description"
          description={_('communities.edit.descriptionDescription')}
          autosize
          minRows={4}
          maxRows={16}
          {...field('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Textarea
            label={_('communities.about.intendedMembers')}
            name="intendedMembers"
            autosize
            minRows={2}
            maxRows={8}
            {...field('intendedMembers')}
          />
          <Textarea
            label={_('communities.about.meetingPlan')}
            name="meetingPlan"
            description={_('communities.edit.meetingPlanDescription')}
            autosize
            minRows={2}
            maxRows={8}
            {...field('meetingPlan')}
          />
        </SimpleGrid>
        <TagsInput
          label={_('communities.about.topics')}
          name="topics"
          description={_('communities.edit.topicsDescription')}
          {...field('topics')}
          onChange={(tags) =>
            form.setFieldValue(
              'topics',
              tags.map((tag) => tag.trim().toLowerCase()),
            )
          }
          error={form.errors.topics ?? form.errors['topics.0']}
          splitChars={[',']}
          maxTags={30}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <NativeSelect
            label={_('communities.about.kind')}
            name="kind"
            {...field('kind')}
            data={communityKinds.map((k) => ({ value: k, label: _(communityKindMessages[k]) }))}
          />
          <NativeSelect
            label={_('communities.about.unit')}
            name="unitId"
            {...field('unitId')}
            data={[
              { value: '', label: _('communities.edit.acrossUnits') },
              ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
            ]}
          />
          <NativeSelect
            label={_('communities.about.audience')}
            name="audience"
            {...field('audience')}
            data={audiences.map((a) => ({ value: a, label: _(audienceMessages[a]) }))}
          />
          <NativeSelect
            label={_('communities.about.format')}
            name="format"
            {...field('format')}
            data={meetingFormats.map((f) => ({ value: f, label: _(meetingFormatMessages[f]) }))}
          />
        </SimpleGrid>
        <Radio.Group label={_('communities.edit.visibility')} name="visibility" {...field('visibility')}>
          <Stack gap="xs" mt="xs">
            {visibilities.map((v) => (
              <Radio key={v} value={v} label={_(visibilityMessages[v])} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group label={_('communities.edit.joinPolicy')} name="joinPolicy" {...field('joinPolicy')}>
          <Stack gap="xs" mt="xs">
            {joinPolicies.map((p) => (
              <Radio key={p} value={p} label={_(joinPolicyMessages[p])} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label={_('communities.edit.requireGuidelines')}
          name="requireGuidelines"
          {...field('requireGuidelines', { type: 'checkbox' })}
        />
        <Radio.Group
          label={_('communities.edit.schedulers.label')}
          name="meetingSchedulers"
          {...field('meetingSchedulers')}
        >
          <Stack gap="xs" mt="xs">
            {meetingSchedulers.map((who) => (
              <Radio key={who} value={who} label={_(schedulerLabels[who])} />
            ))}
          </Stack>
        </Radio.Group>
        <StatusAlert message={saved ? _('communities.edit.saved') : null} />
        <Group>
          <Button type="submit" loading={busy}>
            {_('communities.edit.submit')}
          </Button>
          <Button component={Link} to={`/communities/${slug}`} variant="default">
            {_('common.action.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
