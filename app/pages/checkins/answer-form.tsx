import { useLingui } from '@lingui/react';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { type Survey, surveyLimits } from '../../../common/contracts/surveys.ts';
import { ApiError } from '../../api/client.ts';
import { type CheckinResponseBody, useAnswerCheckin } from '../../api/surveys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';

type Question = Survey['questions'][number];
/** What the form holds per question: a choice, choices, places (ranking), text and a proposal. */
interface Draft {
  choice: string;
  choices: string[];
  places: string[];
  text: string;
  proposal: string;
}

function draftOf(
  question: Question,
  answer: { choice: number | null; choices: number[] | null; text: string | null } | undefined,
): Draft {
  const places = question.options.map(() => '');
  if (question.kind === 'ranking' && answer?.choices) {
    answer.choices.forEach((option, place) => {
      places[option] = String(place + 1);
    });
  }
  return {
    choice: answer?.choice != null ? String(answer.choice) : '',
    choices: (answer?.choices ?? []).map(String),
    places,
    text: answer?.text ?? '',
    proposal: '',
  };
}

/** The answer a draft sends, or undefined when it is left empty. */
function answerOf(question: Question, draft: Draft): CheckinResponseBody['answers'][string] | undefined {
  switch (question.kind) {
    case 'likert':
    case 'single':
      return draft.choice === '' ? undefined : { choice: Number(draft.choice) };
    case 'multiple':
      return draft.choices.length === 0 ? undefined : { choices: draft.choices.map(Number) };
    case 'ranking': {
      if (draft.places.every((p) => p === '')) return undefined;
      const ordered = draft.places
        .map((place, option) => ({ place: Number(place), option }))
        .filter((entry) => entry.place > 0)
        .sort((a, b) => a.place - b.place);
      // Two options in one place are sent as they are: the server names the question.
      return { choices: ordered.map((entry) => entry.option) };
    }
    case 'short_text':
    case 'long_text':
      return draft.text.trim() === '' ? undefined : { text: draft.text };
    case 'focus_next': {
      const proposal = draft.proposal.trim();
      if (draft.choices.length === 0 && proposal === '') return undefined;
      return { choices: draft.choices.map(Number), ...(proposal ? { proposal } : {}) };
    }
  }
}

/** Answering a check-in's open round: one control per question, the server's message on each wrong one. */
export function AnswerForm(props: { survey: Survey }) {
  const { _ } = useLingui();
  const { survey } = props;
  const answer = useAnswerCheckin(survey.id);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(survey.questions.map((q) => [q.id, draftOf(q, survey.yourAnswers?.[q.id])])),
  );
  const fieldErrors = answer.error instanceof ApiError ? answer.error.fields : {};
  const errorOf = (question: Question) => fieldErrors[`answers.${question.id}`];
  const change = (id: string, patch: Partial<Draft>) =>
    setDrafts((current) => ({ ...current, [id]: { ...(current[id] as Draft), ...patch } }));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const answers: CheckinResponseBody['answers'] = {};
    for (const question of survey.questions) {
      const value = answerOf(question, drafts[question.id] as Draft);
      if (value) answers[question.id] = value;
    }
    answer.mutate({ answers });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="lg">
        <FormAlert message={answer.isError ? failureMessage(answer.error) : null} />
        {survey.questions.map((question, index) => (
          <QuestionField
            key={question.id}
            number={index + 1}
            question={question}
            draft={drafts[question.id] as Draft}
            error={errorOf(question)}
            onChange={(patch) => change(question.id, patch)}
          />
        ))}
        <Group>
          <Button type="submit" loading={answer.isPending}>
            {survey.answered ? _('checkins.answer.change') : _('checkins.answer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function QuestionField(props: {
  number: number;
  question: Question;
  draft: Draft;
  error: string | undefined;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { _ } = useLingui();
  const { question, draft, error, onChange } = props;
  const label = `${props.number}. ${question.prompt}`;
  const description = question.required ? _('checkins.answer.required') : _('checkins.answer.optional');
  switch (question.kind) {
    case 'likert':
    case 'single':
      return (
        <Radio.Group
          label={label}
          description={description}
          value={draft.choice}
          onChange={(choice) => onChange({ choice })}
          error={error}
          required={question.required}
        >
          <Stack gap="xs" mt="xs">
            {question.options.map((option, index) => {
              const value = question.kind === 'likert' ? index + 1 : index;
              return (
                <Radio
                  key={option}
                  value={String(value)}
                  label={question.kind === 'likert' ? `${value} – ${option}` : option}
                />
              );
            })}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          label={label}
          description={description}
          value={draft.choices}
          onChange={(choices) => onChange({ choices })}
          error={error}
        >
          <Stack gap="xs" mt="xs">
            {question.options.map((option, index) => (
              <Checkbox key={option} value={String(index)} label={option} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'ranking':
      return (
        <Stack gap="xs" role="group" aria-labelledby={`rank-${question.id}`}>
          <Text id={`rank-${question.id}`} fw={500} size="sm">
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {_('checkins.answer.rankHelp', { count: question.options.length })}
          </Text>
          {question.options.map((option, index) => (
            <NativeSelect
              key={option}
              label={_('checkins.answer.place', { option })}
              value={draft.places[index] ?? ''}
              onChange={(event) => {
                const places = [...draft.places];
                places[index] = event.currentTarget.value;
                onChange({ places });
              }}
              data={[
                { value: '', label: _('checkins.answer.noPlace') },
                ...question.options.map((_o, place) => ({
                  value: String(place + 1),
                  label: String(place + 1),
                })),
              ]}
            />
          ))}
          {error ? (
            <Text c="red.8" size="sm">
              {error}
            </Text>
          ) : null}
        </Stack>
      );
    case 'short_text':
      return (
        <TextInput
          label={label}
          description={description}
          value={draft.text}
          maxLength={surveyLimits.shortTextMax}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          error={error}
          required={question.required}
        />
      );
    case 'long_text':
      return (
        <Textarea
          label={label}
          description={description}
          value={draft.text}
          autosize
          minRows={3}
          maxLength={surveyLimits.longTextMax}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          error={error}
          required={question.required}
        />
      );
    case 'focus_next':
      return (
        <Stack gap="xs">
          <Checkbox.Group
            label={label}
            description={_('checkins.answer.focusHelp')}
            value={draft.choices}
            onChange={(choices) => onChange({ choices })}
            error={error}
          >
            <Stack gap="xs" mt="xs">
              {question.options.map((option, index) => (
                <Checkbox key={option} value={String(index)} label={option} />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            label={_('checkins.answer.propose')}
            value={draft.proposal}
            maxLength={surveyLimits.proposalMax}
            onChange={(event) => onChange({ proposal: event.currentTarget.value })}
          />
        </Stack>
      );
  }
}
