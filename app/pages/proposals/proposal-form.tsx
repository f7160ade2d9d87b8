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
  audienceLabels,
  audiences,
  communityKindLabels,
  communityKinds,
  joinPolicies,
  joinPolicyLabels,
  meetingFormatLabels,
  meetingFormats,
  visibilities,
  visibilityLabels,
} from '../../../common/enums.ts';
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

/** A group of radio buttons from an enum and its labels. */
function Choice<T extends string>(props: {
  label: string;
  name: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
  error: string | boolean | undefined;
}) {
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
          <Radio key={option} value={option} label={props.labels[option]} />
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
        <Section title="The community">
          <TextInput
            label="Name"
            description="Short and recognisable, e.g. “Assessment for learning” or “Outdoor teaching”."
            required
            {...text('name')}
          />
          <Choice
            label="Kind"
            name="kind"
            value={values.kind}
            options={communityKinds}
            labels={communityKindLabels}
            onChange={(value) => set('kind', value)}
            error={form.error('kind')}
          />
          <Textarea
            label="Purpose"
            description="The common interest that brings people together: the practice or question you want to learn about with colleagues."
            required
            autosize
            minRows={3}
            maxRows={10}
            {...text('purpose')}
          />
          <Textarea
            label="Objectives"
            description="What the community wants to achieve in its first year: things to learn, make or change. One per line works well; they start the charter."
            autosize
            minRows={3}
            maxRows={12}
            {...text('objectives')}
          />
          <TagsInput
            label="Topics"
            name="topics"
            description="Words people will look for in the directory. Press Enter after each topic."
            placeholder="e.g. assessment"
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

        <Section title="Members and meetings">
          <Textarea
            label="Intended members"
            description="Who should join: roles, units, staff or students, and how newcomers will be welcomed."
            autosize
            minRows={2}
            maxRows={8}
            {...text('intendedMembers')}
          />
          <Textarea
            label="Meeting plan"
            description="How often, how long and where you plan to meet, e.g. “one hour a month, online, with a workshop each term”."
            autosize
            minRows={2}
            maxRows={8}
            {...text('meetingPlan')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NativeSelect
              label="Audience"
              name="audience"
              value={values.audience}
              onChange={(event) => {
                const found = audiences.find((option) => option === event.currentTarget.value);
                if (found) set('audience', found);
              }}
              data={audiences.map((option) => ({ value: option, label: audienceLabels[option] }))}
              error={form.error('audience')}
            />
            <NativeSelect
              label="Format"
              name="format"
              value={values.format}
              onChange={(event) => {
                const found = meetingFormats.find((option) => option === event.currentTarget.value);
                if (found) set('format', found);
              }}
              data={meetingFormats.map((option) => ({ value: option, label: meetingFormatLabels[option] }))}
              error={form.error('format')}
            />
            <NativeSelect
              label="Home unit"
              name="unitId"
              value={values.unitId}
              onChange={(event) => set('unitId', event.currentTarget.value)}
              data={[
                { value: '', label: units.isPending ? 'Loading units…' : 'Institution-wide' },
                ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
              error={form.error('unitId')}
            />
          </SimpleGrid>
        </Section>

        <Section
          title="Leadership team"
          description={`You (${me.displayName}) lead the community. Invite colleagues to lead it with you: each one is asked to accept, and the coordinators approve once everyone has.`}
        >
          <PeoplePicker
            label="Co-leaders"
            description="Search colleagues by name; up to 10. External guests cannot lead."
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

        <Section title="Access and support">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Choice
              label="Who can see the community"
              name="visibility"
              value={values.visibility}
              options={visibilities}
              labels={visibilityLabels}
              onChange={(value) => set('visibility', value)}
              error={form.error('visibility')}
            />
            <Choice
              label="How people join"
              name="joinPolicy"
              value={values.joinPolicy}
              options={joinPolicies}
              labels={joinPolicyLabels}
              onChange={(value) => set('joinPolicy', value)}
              error={form.error('joinPolicy')}
            />
          </SimpleGrid>
          <Textarea
            label="Support needed from the coordinators"
            description="A room, a small budget, help with promotion, advice on facilitation… Leave empty if you need nothing yet."
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
              Cancel
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
