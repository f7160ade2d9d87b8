import { useLingui } from '@lingui/react';
import {
  Button,
  Card,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import {
  audienceMessages,
  audiences,
  communityKindMessages,
  communityKinds,
  joinPolicies,
  joinPolicyMessages,
  meetingFormatMessages,
  meetingFormats,
  visibilities,
  visibilityMessages,
} from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useSignedInMe, useUnits } from '../../api/queries.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PeoplePicker } from '../../components/people-picker.tsx';
import type { FormState } from '../../hooks/use-form-state.ts';
import {
  type ProposalBody,
  type ProposalFormValues,
  proposalBodySchema,
  toBody,
} from './proposal-form-values.ts';

function Section(props: { title: string; description?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb={props.description ? 4 : 'sm'}>
        {props.title}
      </Title>
      {props.description ? (
        <Text size="sm" c="dimmed" mb="md">
          {props.description}
        </Text>
      ) : null}
      <Stack gap="md">{props.children}</Stack>
    </Card>
  );
}

/** A group of radio buttons from an enum and its labels' message ids. */
function Choice<T extends string>(props: {
  label: string;
  name: string;
  value: T;
  options: readonly T[];
  labels: Record<T, MessageId>;
  onChange: (value: T) => void;
  error: string | boolean | undefined;
}) {
  const { _ } = useLingui();
  return (
    <Radio.Group
      label={props.label}
      name={props.name}
      value={props.value}
      onChange={(value) => {
        const found = props.options.find((option) => option === value);
        if (found) props.onChange(found);
      }}
      error={props.error}
    >
      <Stack gap="xs" mt={6}>
        {props.options.map((option) => (
          <Radio key={option} value={option} label={_(props.labels[option])} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/**
 * Everything a proposal says, in four parts: the community, its people and meetings, the leadership
 * team, and access and support. `onSubmit` receives the checked body for the API.
 */
export function ProposalForm(props: {
  initial: ProposalFormValues;
  form: FormState;
  submitLabel: string;
  onSubmit: (body: ProposalBody) => Promise<void>;
  onCancel?: () => void;
}) {
  const { _ } = useLingui();
  const me = useSignedInMe();
  const units = useUnits();
  const { form } = props;
  const [values, setValues] = useState(props.initial);
  const set = <K extends keyof ProposalFormValues>(key: K, value: ProposalFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (
    key: 'name' | 'purpose' | 'objectives' | 'intendedMembers' | 'meetingPlan' | 'supportNeeded',
  ) => ({
    name: key,
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    error: form.error(key),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(proposalBodySchema, toBody(values));
    if (!body) return;
    await props.onSubmit(body);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={props.submitLabel}>
      <Stack gap="lg">
        <FormAlert message={form.message} />
        <Section title={_('proposals.form.community')}>
          <TextInput
            label={_('proposals.field.name')}
            description={_('proposals.form.nameDescription')}
            required
            {...text('name')}
          />
          <Choice
            label={_('proposals.field.kind')}
            name="kind"
            value={values.kind}
            options={communityKinds}
            labels={communityKindMessages}
            onChange={(value) => set('kind', value)}
            error={form.error('kind')}
          />
          <Textarea
            label={_('proposals.field.purpose')}
            description={_('proposals.form.purposeDescription')}
            required
            autosize
            minRows={3}
            maxRows={10}
            {...text('purpose')}
          />
          <Textarea
            label={_('proposals.field.objectives')}
            description={_('proposals.form.objectivesDescription')}
            autosize
            minRows={3}
            maxRows={12}
            {...text('objectives')}
          />
          <TagsInput
            label={_('proposals.field.topics')}
            name="topics"
            description={_('proposals.form.topicsDescription')}
            placeholder={_('proposals.form.topicsPlaceholder')}
            value={values.topics}
            onChange={(tags) =>
              set(
                'topics',
                tags.map((tag) => tag.trim().toLowerCase()),
              )
            }
            error={
              form.fields.topics ??
              Object.entries(form.fields).find(([key]) => key.startsWith('topics.'))?.[1]
            }
            splitChars={[',']}
            maxTags={30}
            clearable
          />
        </Section>

        <Section title={_('proposals.form.membersAndMeetings')}>
          <Textarea
            label={_('proposals.field.intendedMembers')}
            description={_('proposals.form.intendedMembersDescription')}
            autosize
            minRows={2}
            maxRows={8}
            {...text('intendedMembers')}
          />
          <Textarea
            label={_('proposals.field.meetingPlan')}
            description={_('proposals.form.meetingPlanDescription')}
            autosize
            minRows={2}
            maxRows={8}
            {...text('meetingPlan')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NativeSelect
              label={_('proposals.field.audience')}
              name="audience"
              value={values.audience}
              onChange={(event) => {
                const found = audiences.find((option) => option === event.currentTarget.value);
                if (found) set('audience', found);
              }}
              data={audiences.map((option) => ({ value: option, label: _(audienceMessages[option]) }))}
              error={form.error('audience')}
            />
            <NativeSelect
              label={_('proposals.field.format')}
              name="format"
              value={values.format}
              onChange={(event) => {
                const found = meetingFormats.find((option) => option === event.currentTarget.value);
                if (found) set('format', found);
              }}
              data={meetingFormats.map((option) => ({
                value: option,
                label: _(meetingFormatMessages[option]),
              }))}
              error={form.error('format')}
            />
            <NativeSelect
              label={_('proposals.field.homeUnit')}
              name="unitId"
              value={values.unitId}
              onChange={(event) => set('unitId', event.currentTarget.value)}
              data={[
                {
                  value: '',
                  label: units.isPending
                    ? _('proposals.form.loadingUnits')
                    : _('proposals.field.institutionWide'),
                },
                ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
              error={form.error('unitId')}
            />
          </SimpleGrid>
        </Section>

        <Section
          title={_('proposals.form.team')}
          description={_('proposals.form.teamDescription', { name: me.displayName })}
        >
          <PeoplePicker
            label={_('proposals.form.coLeaders')}
            description={_('proposals.form.coLeadersDescription')}
            name="coLeaderIds"
            value={values.coLeaders}
            onChange={(people) => set('coLeaders', people)}
            exclude={[me.id]}
            canPick={(person) => person.kind !== 'external'}
            max={10}
            error={
              form.fields.coLeaderIds ??
              Object.entries(form.fields).find(([key]) => key.startsWith('coLeaderIds.'))?.[1]
            }
          />
        </Section>

        <Section title={_('proposals.form.access')}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Choice
              label={_('proposals.form.visibility')}
              name="visibility"
              value={values.visibility}
              options={visibilities}
              labels={visibilityMessages}
              onChange={(value) => set('visibility', value)}
              error={form.error('visibility')}
            />
            <Choice
              label={_('proposals.field.joinPolicy')}
              name="joinPolicy"
              value={values.joinPolicy}
              options={joinPolicies}
              labels={joinPolicyMessages}
              onChange={(value) => set('joinPolicy', value)}
              error={form.error('joinPolicy')}
            />
          </SimpleGrid>
          <Textarea
            label={_('proposals.field.supportNeeded')}
            description={_('proposals.form.supportNeededDescription')}
            autosize
            minRows={2}
            maxRows={8}
            {...text('supportNeeded')}
          />
        </Section>

        <Group gap="sm">
          <Button type="submit" loading={form.busy}>
            {props.submitLabel}
          </Button>
          {props.onCancel ? (
            <Button variant="default" onClick={props.onCancel}>
              {_('common.action.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
