import { useLingui } from '@lingui/react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type KudosSubject, kudosMessageMax } from '../../common/enums.ts';
import { ApiError } from '../api/client.ts';
import { useGiveKudos, useKudosFor } from '../api/kudos.ts';
import { useMe } from '../api/queries.ts';
import { failureMessage } from '../hooks/form-errors.ts';
import { FormAlert } from './form-alert.tsx';

/**
 * Under a contribution: the kudos it received ("Ben: thank you…") and, for the community's members
 * other than its author, "Give kudos" with a short message. `listOf` names the list the page reads
 * once (a thread's kudos hold its replies' too).
 */
export function KudosPanel(props: {
  subjectType: KudosSubject;
  subjectId: string;
  /** The list to read: the thread's, for a thread and its replies. */
  listOf?: { subjectType: KudosSubject; subjectId: string };
  receiver: { id: string; displayName: string } | null;
  /** Whether the reader may give kudos here (a member of the community). */
  canGive: boolean;
  /** Said when there are none and the reader cannot give any (otherwise nothing shows). */
  empty?: string;
}) {
  const { _ } = useLingui();
  const me = useMe();
  const list = props.listOf ?? { subjectType: props.subjectType, subjectId: props.subjectId };
  const kudos = useKudosFor(list.subjectType, list.subjectId);
  const give = useGiveKudos();
  const [writing, setWriting] = useState(false);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const mine = (kudos.data ?? []).filter(
    (k) => k.subjectType === props.subjectType && k.subjectId === props.subjectId,
  );
  const receiver = props.receiver;
  const alreadyGave = mine.some((k) => k.giver.id === me.data?.id);
  const mayGive = props.canGive && receiver !== null && receiver.id !== me.data?.id && !alreadyGave;
  if (mine.length === 0 && !mayGive && !sent) {
    return props.empty ? (
      <Text size="sm" c="dimmed">
        {props.empty}
      </Text>
    ) : null;
  }
  return (
    <Stack gap={4}>
      {mine.length > 0 ? (
        <ul aria-label={_('kudos.listLabel', { name: receiver?.displayName ?? '' })} className="plain-list">
          {mine.map((k) => (
            <li key={k.id}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span fw={600} size="sm">
                  {_('kudos.from', { name: k.giver.displayName })}
                </Text>{' '}
                {k.message}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
      {sent ? (
        <Text size="sm" role="status" c="forest.8">
          {_('kudos.sent', { name: receiver?.displayName ?? '' })}
        </Text>
      ) : null}
      {mayGive && !writing ? (
        <Group>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              setSent(false);
              setWriting(true);
            }}
          >
            {_('kudos.give', { name: receiver.displayName })}
          </Button>
        </Group>
      ) : null}
      {mayGive && writing ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            give.mutate(
              { subjectType: props.subjectType, subjectId: props.subjectId, message },
              {
                onSuccess: () => {
                  setWriting(false);
                  setMessage('');
                  setSent(true);
                },
              },
            );
          }}
        >
          <Stack gap="xs">
            <FormAlert message={give.isError ? failureMessage(give.error) : null} />
            <Textarea
              label={_('kudos.message', { name: receiver.displayName })}
              error={give.error instanceof ApiError && give.error.fields.message ? true : undefined}
              description={_('kudos.messageHelp')}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
              maxLength={kudosMessageMax}
              autosize
              minRows={2}
              autoFocus
            />
            <Group gap="xs">
              <Button type="submit" size="compact-md" loading={give.isPending}>
                {_('kudos.send')}
              </Button>
              <Button size="compact-md" variant="default" onClick={() => setWriting(false)}>
                {_('common.action.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
