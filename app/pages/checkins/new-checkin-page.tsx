import { useLingui } from '@lingui/react';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { surveyLimits } from '../../../common/contracts/surveys.ts';
import { surveyQuestionKinds } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useCheckinTemplates, useCreateCheckin } from '../../api/surveys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { dateTime } from '../../lib/dates.ts';
import { useCommunity } from '../communities/community-context.ts';
import {
  checkinFormSchema,
  checkinWindows,
  emptyQuestion,
  sentNotice,
  todayInField,
  valuesFrom,
} from './checkin-form-values.ts';

const kindLabels: Record<(typeof surveyQuestionKinds)[number], MessageId> = {
  likert: 'checkins.kind.likert',
  single: 'checkins.kind.single',
  multiple: 'checkins.kind.multiple',
  ranking: 'checkins.kind.ranking',
  short_text: 'checkins.kind.short_text',
  long_text: 'checkins.kind.long_text',
  focus_next: 'checkins.kind.focus_next',
};

/** /communities/:slug/checkins/new: a leader starts a check-in from a template and edits it. */
export function NewCheckinPage() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('checkins.new.documentTitle', { community: home.community.name }));
  const templates = useCheckinTemplates();
  const back = `/communities/${slug}/checkins`;
  if (!home.viewer.canSendPing) {
    return (
      <EmptyState
        title={_('checkins.new.cannotTitle')}
        action={
          <Button component={Link} to={back} variant="light" mt="sm">
            {_('checkins.new.back')}
          </Button>
        }
      >
        {_('checkins.new.leadersOnly')}
      </EmptyState>
    );
  }
  if (templates.isPending) return <PageLoader label={_('checkins.new.loading')} />;
  if (templates.isError)
    return <LoadError error={templates.error} onRetry={() => void templates.refetch()} />;
  return <CheckinBuilder slug={slug} templates={templates.data} back={back} />;
}

function CheckinBuilder(props: {
  slug: string;
  back: string;
  templates: NonNullable<ReturnType<typeof useCheckinTemplates>['data']>;
}) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const create = useCreateCheckin(props.slug);
  const first = props.templates[0];
  const apiForm = useApiForm({
    initialValues: valuesFrom(first, first?.key ?? 'blank'),
    schema: checkinFormSchema,
  });
  const { form, field, message, busy } = apiForm;
  const values = form.getValues();
  // After adding a question, focus goes to its first field.
  const focusQuestion = useRef<number | null>(null);
  useEffect(() => {
    if (focusQuestion.current === null) return;
    document.getElementById(`question-${focusQuestion.current}-kind`)?.focus();
    focusQuestion.current = null;
  });
  const submit = apiForm.submit(
    async (body) => ({ ...(await create.mutateAsync(body)), opensAt: body.opensAt }),
    (created) => {
      const sent = sentNotice(created.opensAt);
      const notice =
        sent.id === 'checkins.new.scheduled' ? _(sent.id, { opens: dateTime(sent.opensAt) }) : _(sent.id);
      void navigate(`/checkins/${created.id}`, { state: { notice } });
    },
  );
  const chooseTemplate = (key: string) => {
    form.setValues(
      valuesFrom(
        props.templates.find((t) => t.key === key),
        key,
      ),
    );
  };
  const move = (from: number, to: number) => form.reorderListItem('questions', { from, to });

  return (
    <Card component="section" aria-labelledby="new-checkin-title">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} id="new-checkin-title">
            {_('checkins.new.title')}
          </Title>
          <Anchor component={Link} to={props.back} size="sm">
            {_('checkins.new.back')}
          </Anchor>
        </Group>
        <form onSubmit={submit} noValidate>
          <Stack gap="md" maw={720}>
            <FormAlert message={message} />
            <NativeSelect
              label={_('checkins.new.template')}
              description={_('checkins.new.templateHelp')}
              value={values.template}
              onChange={(event) => chooseTemplate(event.currentTarget.value)}
              data={[
                ...props.templates.map((t) => ({ value: t.key, label: t.name })),
                { value: 'blank', label: _('checkins.new.blank') },
              ]}
            />
            <TextInput
              label={_('checkins.new.checkinTitle')}
              name="title"
              required
              maxLength={surveyLimits.titleMax}
              {...field('title')}
            />
            <Textarea
              label={_('checkins.new.intro')}
              name="intro"
              autosize
              minRows={2}
              maxLength={surveyLimits.introMax}
              {...field('intro')}
            />
            <TextInput
              label={_('checkins.new.opensOn')}
              description={_('checkins.new.opensOnHelp')}
              name="opensAt"
              type="date"
              min={todayInField()}
              {...field('opensAt')}
            />
            <NativeSelect
              label={_('checkins.new.openFor')}
              name="openDays"
              {...field('openDays')}
              data={checkinWindows.map((days) => ({
                value: String(days),
                label:
                  days % 7 === 0
                    ? _('checkins.window.weeks', { count: days / 7 })
                    : _('checkins.window.days', { count: days }),
              }))}
            />
            <NativeSelect
              label={_('checkins.new.recurrence')}
              name="recurrence"
              {...field('recurrence')}
              data={[
                { value: 'none', label: _('checkins.recurrence.none') },
                { value: 'term', label: _('checkins.recurrence.termLong') },
                { value: 'weeks', label: _('checkins.recurrence.weeks') },
              ]}
            />
            {values.recurrence === 'weeks' ? (
              <TextInput
                label={_('checkins.new.everyWeeks')}
                name="everyWeeks"
                type="number"
                min={1}
                max={surveyLimits.everyWeeksMax}
                inputMode="numeric"
                {...field('everyWeeks')}
              />
            ) : null}
            <Checkbox
              label={_('checkins.new.anonymous')}
              description={_('checkins.new.anonymousHelp')}
              name="anonymous"
              {...field('anonymous', { type: 'checkbox' })}
            />
            <Checkbox
              label={_('checkins.new.shareResults')}
              description={_('checkins.new.shareResultsHelp')}
              name="shareResults"
              {...field('shareResults', { type: 'checkbox' })}
            />
            <Title order={3} size="h4">
              {_('checkins.new.questions')}
            </Title>
            {typeof form.errors.questions === 'string' ? <FormAlert message={form.errors.questions} /> : null}
            {values.questions.map((question, index) => {
              const number = index + 1;
              const withOptions = !['short_text', 'long_text'].includes(question.kind);
              return (
                // The questions are a list the leader edits in place: their position is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Fieldset key={index} legend={_('checkins.new.question', { number })}>
                  <Stack gap="sm">
                    <NativeSelect
                      id={`question-${index}-kind`}
                      label={_('checkins.new.kind')}
                      name={`questions.${index}.kind`}
                      {...field(`questions.${index}.kind`)}
                      data={surveyQuestionKinds.map((kind) => ({ value: kind, label: _(kindLabels[kind]) }))}
                    />
                    <TextInput
                      label={_('checkins.new.prompt', { number })}
                      name={`questions.${index}.prompt`}
                      required
                      maxLength={surveyLimits.promptMax}
                      {...field(`questions.${index}.prompt`)}
                    />
                    {withOptions ? (
                      <Textarea
                        label={
                          question.kind === 'likert'
                            ? _('checkins.new.likertLabels', { number })
                            : _('checkins.new.options', { number })
                        }
                        description={
                          question.kind === 'focus_next'
                            ? _('checkins.new.focusHelp')
                            : _('checkins.new.optionsHelp')
                        }
                        name={`questions.${index}.options`}
                        autosize
                        minRows={3}
                        {...field(`questions.${index}.options`)}
                      />
                    ) : null}
                    <Checkbox
                      label={_('checkins.new.required')}
                      name={`questions.${index}.required`}
                      {...field(`questions.${index}.required`, { type: 'checkbox' })}
                    />
                    <Group gap="xs">
                      {index > 0 ? (
                        <Button variant="subtle" size="xs" onClick={() => move(index, index - 1)}>
                          {_('checkins.new.moveUp', { number })}
                        </Button>
                      ) : null}
                      {index < values.questions.length - 1 ? (
                        <Button variant="subtle" size="xs" onClick={() => move(index, index + 1)}>
                          {_('checkins.new.moveDown', { number })}
                        </Button>
                      ) : null}
                      {values.questions.length > 1 ? (
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          onClick={() => form.removeListItem('questions', index)}
                        >
                          {_('checkins.new.remove', { number })}
                        </Button>
                      ) : null}
                    </Group>
                  </Stack>
                </Fieldset>
              );
            })}
            {values.questions.length < surveyLimits.questionsMax ? (
              <Group>
                <Button
                  variant="light"
                  onClick={() => {
                    focusQuestion.current = values.questions.length;
                    form.insertListItem('questions', emptyQuestion());
                  }}
                >
                  {_('checkins.new.addQuestion')}
                </Button>
              </Group>
            ) : null}
            <Group gap="sm">
              <Button type="submit" loading={busy}>
                {_('checkins.new.submit')}
              </Button>
              <Button component={Link} to={props.back} variant="default">
                {_('common.action.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
