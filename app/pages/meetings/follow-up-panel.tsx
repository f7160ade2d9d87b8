import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { meetingTextField, onlineUrlField } from '../../../common/meeting-fields.ts';
import { useFollowUpMutation } from '../../api/meetings.ts';
import type { Meeting } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { Prose } from '../../components/prose.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';
import { errorText } from './input-error.ts';
import { MemberSelect, type PickedMember } from './member-select.tsx';

interface ActionValue {
  key: number;
  text: string;
  assignee: PickedMember | null;
  done: boolean;
}

/** The form's values as they are (each action with the member picked), checked and sent as the API's. */
const followUpSchema = z.object({
  notes: meetingTextField,
  recordingUrl: z
    .string()
    .trim()
    .pipe(z.union([z.literal('').transform(() => null), onlineUrlField])),
  actions: z.array(
    z
      .object({
        text: z
          .string()
          .trim()
          .min(1, { error: () => i18n._('meetings.followUp.describe') })
          .max(500, { error: () => i18n._('meetings.followUp.tooLong') }),
        assignee: z.object({ id: z.string() }).nullable(),
        done: z.boolean(),
      })
      .transform((action) => ({
        text: action.text,
        assigneeId: action.assignee?.id ?? null,
        done: action.done,
      })),
  ),
});

let nextKey = 1;

function FollowUpForm(props: { meeting: Meeting; onDone: () => void }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const save = useFollowUpMutation(meeting.id);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: {
      notes: meeting.notes,
      recordingUrl: meeting.recordingUrl ?? '',
      actions: meeting.actions.map(
        (a): ActionValue => ({ key: nextKey++, text: a.text, assignee: a.assignee, done: a.done }),
      ),
    },
    schema: followUpSchema,
  });
  const { actions } = form.values;

  return (
    <form onSubmit={submit((body) => save.mutateAsync(body), props.onDone)} noValidate>
      <Stack gap="md">
        <FormAlert message={message} />
        <MarkdownField
          label={_('meetings.followUp.notes')}
          name="notes"
          description={_('meetings.followUp.notesHint')}
          value={form.values.notes}
          onChange={(value) => form.setFieldValue('notes', value)}
          error={errorText(field('notes').error)}
          empty={_('meetings.form.nothingToPreview')}
        />
        <TextInput
          type="url"
          label={_('meetings.followUp.recording')}
          name="recordingUrl"
          placeholder="https://"
          {...field('recordingUrl')}
        />
        <Stack gap="sm" component="fieldset" className="plain-fieldset">
          <Text component="legend" fw={600} size="sm" mb="xs">
            {_('meetings.followUp.actions')}
          </Text>
          {actions.map((action, index) => (
            <Stack key={action.key} gap="xs" className="action-row">
              <TextInput
                label={_('meetings.followUp.action', { number: index + 1 })}
                name={`actions.${index}.text`}
                {...field(`actions.${index}.text`)}
              />
              <Group align="flex-end" gap="sm" wrap="wrap">
                <div style={{ flex: '1 1 200px' }}>
                  <MemberSelect
                    slug={meeting.community.slug}
                    label={_('meetings.followUp.who', { number: index + 1 })}
                    placeholder={_('meetings.followUp.noOne')}
                    value={action.assignee}
                    onChange={(assignee) => form.setFieldValue(`actions.${index}.assignee`, assignee)}
                    // The API names the person by id (`assigneeId`).
                    error={errorText(field(`actions.${index}.assigneeId`).error)}
                  />
                </div>
                <Checkbox
                  label={_('meetings.followUp.done')}
                  aria-label={_('meetings.followUp.actionDone', { number: index + 1 })}
                  {...field(`actions.${index}.done`, { type: 'checkbox' })}
                  mb={8}
                />
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={_('meetings.followUp.removeAction', { number: index + 1 })}
                  onClick={() => form.removeListItem('actions', index)}
                >
                  {_('common.action.remove')}
                </Button>
              </Group>
            </Stack>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                form.insertListItem('actions', { key: nextKey++, text: '', assignee: null, done: false })
              }
            >
              {_('meetings.followUp.addAction')}
            </Button>
          </Group>
        </Stack>
        <Group>
          <Button type="submit" loading={busy}>
            {_('meetings.followUp.save')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {_('common.action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** After the meeting: notes, the recording and follow-up actions; the host and leaders write them. */
export function FollowUpPanel(props: { meeting: Meeting; canEdit: boolean }) {
  const { _ } = useLingui();
  const { meeting } = props;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const empty = !meeting.notes.trim() && !meeting.recordingUrl && meeting.actions.length === 0;
  return (
    <Card component="section" aria-labelledby="follow-up-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h3" id="follow-up-title">
            {_('meetings.followUp.title')}
          </Title>
          {props.canEdit && !editing ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {empty ? _('meetings.followUp.addNotes') : _('meetings.followUp.editNotes')}
            </Button>
          ) : null}
        </Group>
        <StatusAlert message={notice} />
        {editing ? (
          <FollowUpForm
            meeting={meeting}
            onDone={() => {
              setEditing(false);
              setNotice(_('meetings.followUp.saved'));
            }}
          />
        ) : empty ? (
          <Text size="sm" c="dimmed">
            {_('meetings.followUp.noNotesYet')}
          </Text>
        ) : (
          <Stack gap="sm">
            <Prose html={meeting.notesHtml} empty={_('meetings.followUp.noNotes')} />
            {meeting.recordingUrl ? (
              <Anchor href={meeting.recordingUrl} target="_blank" rel="noopener noreferrer" size="sm">
                {_('meetings.followUp.watch')}
              </Anchor>
            ) : null}
            {meeting.actions.length > 0 ? (
              <ul className="row-list" aria-label={_('meetings.followUp.actionsList')}>
                {meeting.actions.map((action) => (
                  <li key={action.id}>
                    <Text size="sm" py={4} td={action.done ? 'line-through' : undefined}>
                      {action.text}
                      {action.assignee ? (
                        <>
                          {' — '}
                          <Anchor component={Link} to={`/people/${action.assignee.id}`} inherit>
                            {action.assignee.displayName}
                          </Anchor>
                        </>
                      ) : null}
                      {action.done ? ` (${_('meetings.followUp.doneMark')})` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
