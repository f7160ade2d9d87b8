import { useLingui } from '@lingui/react';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { pingLimits } from '../../../common/contracts/pings.ts';
import { membershipRoleMessages, membershipRoles } from '../../../common/enums.ts';
import { useSendPing } from '../../api/pings.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { emptyPingValues, pingFormSchema, pingWindows } from './ping-form-values.ts';

const choicesHelpId = 'ping-choices-help';
const choicesErrorId = 'ping-choices-error';

/** /communities/:slug/pings/new: a leader asks the members a quick question. */
export function NewPingPage() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('pings.new.documentTitle', { community: home.community.name }));
  const navigate = useNavigate();
  const send = useSendPing(slug);
  const apiForm = useApiForm({ initialValues: emptyPingValues(), schema: pingFormSchema });
  const { form, field, message, busy } = apiForm;
  const back = `/communities/${slug}/pings`;

  if (!home.viewer.canSendPing) {
    return (
      <EmptyState
        title={_('pings.new.cannotTitle')}
        action={
          <Button component={Link} to={back} variant="light" mt="sm">
            {_('pings.new.back')}
          </Button>
        }
      >
        {_('pings.new.leadersOnly')}
      </EmptyState>
    );
  }

  const values = form.getValues();
  const choicesError = form.errors.choices;
  const submit = apiForm.submit(
    (body) => send.mutateAsync(body),
    (sent) => void navigate(`/pings/${sent.id}`, { state: { notice: _('pings.new.sent') } }),
  );

  return (
    <Card component="section" aria-labelledby="new-ping-title">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} id="new-ping-title">
            {_('pings.new.title')}
          </Title>
          <Anchor component={Link} to={back} size="sm">
            {_('pings.new.back')}
          </Anchor>
        </Group>
        <form onSubmit={submit} noValidate>
          <Stack gap="md" maw={640}>
            <FormAlert message={message} />
            <Textarea
              label={_('pings.new.question')}
              description={_('pings.new.questionHelp')}
              name="question"
              required
              autosize
              minRows={2}
              maxLength={pingLimits.questionMax}
              {...field('question')}
            />
            <Radio.Group label={_('pings.new.kind')} name="kind" {...field('kind')}>
              <Stack gap="xs" mt="xs">
                <Radio value="choice" label={_('pings.new.kindChoice')} />
                <Radio value="text" label={_('pings.new.kindText')} />
              </Stack>
            </Radio.Group>
            {values.kind === 'choice' ? (
              <Fieldset
                legend={_('pings.new.choices')}
                variant="unstyled"
                aria-describedby={[choicesHelpId, ...(choicesError ? [choicesErrorId] : [])].join(' ')}
              >
                <Text id={choicesHelpId} size="xs" c="dimmed">
                  {_('pings.new.choicesHelp')}
                </Text>
                <Stack gap="xs" mt="xs">
                  {values.choices.map((_choice, index) => (
                    // The choices are a list the leader edits in place: their position is their identity.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                      <TextInput
                        style={{ flex: 1 }}
                        label={_('pings.new.choice', { number: index + 1 })}
                        name={`choices.${index}`}
                        maxLength={pingLimits.choiceMax}
                        {...field(`choices.${index}`)}
                      />
                      {values.choices.length > pingLimits.choicesMin ? (
                        <Button
                          variant="subtle"
                          color="red"
                          onClick={() => form.removeListItem('choices', index)}
                          aria-label={_('pings.new.removeChoice', { number: index + 1 })}
                        >
                          {_('pings.new.remove')}
                        </Button>
                      ) : null}
                    </Group>
                  ))}
                  {values.choices.length < pingLimits.choicesMax ? (
                    <Group>
                      <Button variant="light" onClick={() => form.insertListItem('choices', '')}>
                        {_('pings.new.addChoice')}
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
                {typeof choicesError === 'string' ? (
                  <Text id={choicesErrorId} c="red.8" size="sm" mt="xs">
                    {choicesError}
                  </Text>
                ) : null}
              </Fieldset>
            ) : null}
            <Radio.Group label={_('pings.new.audience')} name="audience" {...field('audience')}>
              <Stack gap="xs" mt="xs">
                <Radio value="all" label={_('pings.audience.all')} />
                <Radio value="role" label={_('pings.audience.role')} />
                <Radio value="attended_last_meeting" label={_('pings.audience.attended_last_meeting')} />
                <Radio value="inactive_60_days" label={_('pings.audience.inactive_60_days')} />
              </Stack>
            </Radio.Group>
            {values.audience === 'role' ? (
              <NativeSelect
                label={_('pings.new.role')}
                name="role"
                {...field('role')}
                data={membershipRoles.map((role) => ({
                  value: role,
                  label: _(membershipRoleMessages[role]),
                }))}
              />
            ) : null}
            <NativeSelect
              label={_('pings.new.window')}
              name="windowHours"
              {...field('windowHours')}
              data={pingWindows.map((hours) => ({ value: String(hours), label: windowLabel(_, hours) }))}
            />
            <Radio.Group
              label={_('pings.new.results')}
              name="resultsVisibility"
              {...field('resultsVisibility')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="live" label={_('pings.new.resultsLive')} />
                <Radio value="after_close" label={_('pings.new.resultsAfterClose')} />
              </Stack>
            </Radio.Group>
            <Checkbox
              label={_('pings.new.anonymous')}
              description={_('pings.new.anonymousHelp')}
              name="anonymous"
              {...field('anonymous', { type: 'checkbox' })}
            />
            <Group gap="sm">
              <Button type="submit" loading={busy}>
                {_('pings.new.submit')}
              </Button>
              <Button component={Link} to={back} variant="default">
                {_('common.action.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

/** "1 hour", "3 days", "1 week", in the language shown. */
function windowLabel(_: ReturnType<typeof useLingui>['_'], hours: number): string {
  if (hours < 24) return _('pings.window.hours', { count: hours });
  if (hours % 168 === 0) return _('pings.window.weeks', { count: hours / 168 });
  return _('pings.window.days', { count: hours / 24 });
}
