import { useLingui } from '@lingui/react';
import {
  Card,
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
import { type ReactNode, useId } from 'react';
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
import { FormActions } from '../../components/form-actions.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { PeoplePicker } from '../../components/people-picker.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { type ProposalBody, type ProposalFormValues, proposalFormSchema } from './proposal-form-values.ts';

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
  error: ReactNode;
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
 * team, and access and support. `send` receives the checked body for the API; `onSent` its answer.
 */
export function ProposalForm<Answer>(props: {
  initial: ProposalFormValues;
  submitLabel: string;
  send: (body: ProposalBody) => Promise<Answer>;
  onSent: (answer: Answer) => void;
  onCancel?: () => void;
}) {
  const { _ } = useLingui();
  const me = useSignedInMe();
  const units = useUnits();
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: props.initial,
    schema: proposalFormSchema,
  });
  const { values } = form;
  const text = (
    key: 'name' | 'purpose' | 'objectives' | 'intendedMembers' | 'meetingPlan' | 'supportNeeded',
  ) => ({ name: key, ...field(key) });
  /** A list's message: its own, or its first wrong item's ("topics.3"). */
  const listError = (key: 'topics' | 'coLeaderIds') => {
    const found =
      form.errors[key] ?? Object.entries(form.errors).find(([path]) => path.startsWith(`${key}.`))?.[1];
    return typeof found === 'string' ? found : undefined;
  };

  return (
    <form onSubmit={submit(props.send, props.onSent)} noValidate aria-label={props.submitLabel}>
      <Stack gap="lg">
        <FormAlert message={message} />
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
            onChange={(value) => form.setFieldValue('kind', value)}
            error={field('kind').error}
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
              form.setFieldValue(
                'topics',
                tags.map((tag) => tag.trim().toLowerCase()),
              )
            }
            error={listError('topics')}
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
              {...field('audience')}
              data={audiences.map((option) => ({ value: option, label: _(audienceMessages[option]) }))}
            />
            <NativeSelect
              label={_('proposals.field.format')}
              name="format"
              {...field('format')}
              data={meetingFormats.map((option) => ({
                value: option,
                label: _(meetingFormatMessages[option]),
              }))}
            />
            <NativeSelect
              label={_('proposals.field.homeUnit')}
              name="unitId"
              {...field('unitId')}
              data={[
                {
                  value: '',
                  label: units.isPending
                    ? _('proposals.form.loadingUnits')
                    : _('proposals.field.institutionWide'),
                },
                ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
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
            onChange={(people) => form.setFieldValue('coLeaders', people)}
            exclude={[me.id]}
            canPick={(person) => person.kind !== 'external'}
            max={10}
            error={listError('coLeaderIds')}
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
              onChange={(value) => form.setFieldValue('visibility', value)}
              error={field('visibility').error}
            />
            <Choice
              label={_('proposals.field.joinPolicy')}
              name="joinPolicy"
              value={values.joinPolicy}
              options={joinPolicies}
              labels={joinPolicyMessages}
              onChange={(value) => form.setFieldValue('joinPolicy', value)}
              error={field('joinPolicy').error}
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

        <FormActions submitLabel={props.submitLabel} busy={busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
