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
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useFormState } from '../../hooks/use-form-state.ts';
import { useCommunity } from './community-context.ts';

const detailsSchema = z.object({
  name: communityNameField,
  kind: z.enum(communityKinds),
  purpose: purposeField,
  description: longTextField,
  intendedMembers: longTextField,
  meetingPlan: longTextField,
  topics: tagListField,
  unitId: z.string().nullable(),
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
  const [values, setValues] = useState(() => initialValues(home.community));
  const [saved, setSaved] = useState(false);
  const form = useFormState();
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };

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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = form.check(detailsSchema, { ...values, unitId: values.unitId || null });
    if (!body) return;
    const updated = await form.run(() => update.mutateAsync(body));
    if (!updated) return;
    setValues(initialValues(updated));
    setSaved(true);
  };

  return (
    <Card
      component="form"
      onSubmit={(event: FormEvent) => void submit(event)}
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
        <FormAlert message={form.message} />
        <TextInput
          label={_('communities.edit.name')}
          name="name"
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={form.error('name')}
          required
        />
        <Textarea
          label={_('communities.about.purpose')}
          name="purpose"
          description={_('communities.edit.purposeDescription')}
          autosize
          minRows={2}
          maxRows={8}
          value={values.purpose}
          onChange={(event) => set('purpose', event.currentTarget.value)}
          error={form.error('purpose')}
          required
        />
        <Textarea
          label={_('communities.edit.description')}
          name="description"
          description={_('communities.edit.descriptionDescription')}
          autosize
          minRows={4}
          maxRows={16}
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={form.error('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Textarea
            label={_('communities.about.intendedMembers')}
            name="intendedMembers"
            autosize
            minRows={2}
            maxRows={8}
            value={values.intendedMembers}
            onChange={(event) => set('intendedMembers', event.currentTarget.value)}
            error={form.error('intendedMembers')}
          />
          <Textarea
            label={_('communities.about.meetingPlan')}
            name="meetingPlan"
            description={_('communities.edit.meetingPlanDescription')}
            autosize
            minRows={2}
            maxRows={8}
            value={values.meetingPlan}
            onChange={(event) => set('meetingPlan', event.currentTarget.value)}
            error={form.error('meetingPlan')}
          />
        </SimpleGrid>
        <TagsInput
          label={_('communities.about.topics')}
          name="topics"
          description={_('communities.edit.topicsDescription')}
          value={values.topics}
          onChange={(tags) =>
            set(
              'topics',
              tags.map((tag) => tag.trim().toLowerCase()),
            )
          }
          error={form.fields.topics ?? form.fields['topics.0']}
          splitChars={[',']}
          maxTags={30}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <NativeSelect
            label={_('communities.about.kind')}
            name="kind"
            value={values.kind}
            onChange={(event) => set('kind', event.currentTarget.value)}
            data={communityKinds.map((k) => ({ value: k, label: _(communityKindMessages[k]) }))}
          />
          <NativeSelect
            label={_('communities.about.unit')}
            name="unitId"
            value={values.unitId}
            onChange={(event) => set('unitId', event.currentTarget.value)}
            error={form.error('unitId')}
            data={[
              { value: '', label: _('communities.edit.acrossUnits') },
              ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
            ]}
          />
          <NativeSelect
            label={_('communities.about.audience')}
            name="audience"
            value={values.audience}
            onChange={(event) => set('audience', event.currentTarget.value)}
            data={audiences.map((a) => ({ value: a, label: _(audienceMessages[a]) }))}
          />
          <NativeSelect
            label={_('communities.about.format')}
            name="format"
            value={values.format}
            onChange={(event) => set('format', event.currentTarget.value)}
            data={meetingFormats.map((f) => ({ value: f, label: _(meetingFormatMessages[f]) }))}
          />
        </SimpleGrid>
        <Radio.Group
          label={_('communities.edit.visibility')}
          name="visibility"
          value={values.visibility}
          onChange={(value) => set('visibility', value)}
          error={form.error('visibility')}
        >
          <Stack gap="xs" mt="xs">
            {visibilities.map((v) => (
              <Radio key={v} value={v} label={_(visibilityMessages[v])} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={_('communities.edit.joinPolicy')}
          name="joinPolicy"
          value={values.joinPolicy}
          onChange={(value) => set('joinPolicy', value)}
          error={form.error('joinPolicy')}
        >
          <Stack gap="xs" mt="xs">
            {joinPolicies.map((p) => (
              <Radio key={p} value={p} label={_(joinPolicyMessages[p])} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label={_('communities.edit.requireGuidelines')}
          name="requireGuidelines"
          checked={values.requireGuidelines}
          onChange={(event) => set('requireGuidelines', event.currentTarget.checked)}
        />
        <Radio.Group
          label={_('communities.edit.schedulers.label')}
          name="meetingSchedulers"
          value={values.meetingSchedulers}
          onChange={(value) => set('meetingSchedulers', value)}
          error={form.error('meetingSchedulers')}
        >
          <Stack gap="xs" mt="xs">
            {meetingSchedulers.map((who) => (
              <Radio key={who} value={who} label={_(schedulerLabels[who])} />
            ))}
          </Stack>
        </Radio.Group>
        <StatusAlert message={saved ? _('communities.edit.saved') : null} />
        <Group>
          <Button type="submit" loading={form.busy}>
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
