import { useLingui } from '@lingui/react';
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useFollowThreadMutation, useModerateThreadMutation } from '../../api/discussions.ts';
import type { Thread } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';

/** Follow, pin and lock: toggles for what the viewer may change. */
export function ThreadActions(props: { thread: Thread }) {
  const { _ } = useLingui();
  const { thread } = props;
  const follow = useFollowThreadMutation(thread.id);
  const moderate = useModerateThreadMutation(thread.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (name: string, change: () => Promise<unknown>) => {
    setBusy(name);
    setError(null);
    try {
      await change();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {thread.abilities.follow ? (
          <Button
            variant="default"
            aria-pressed={thread.following}
            loading={busy === 'follow'}
            onClick={() => void act('follow', () => follow.mutateAsync(!thread.following))}
          >
            {thread.following ? _('discussions.actions.following') : _('discussions.actions.follow')}
          </Button>
        ) : null}
        {thread.abilities.moderate ? (
          <>
            <Button
              variant="default"
              loading={busy === 'pin'}
              onClick={() => void act('pin', () => moderate.mutateAsync({ pinned: !thread.pinned }))}
            >
              {thread.pinned ? _('discussions.actions.unpin') : _('discussions.actions.pin')}
            </Button>
            <Button
              variant="default"
              loading={busy === 'lock'}
              onClick={() => void act('lock', () => moderate.mutateAsync({ locked: !thread.locked }))}
            >
              {thread.locked ? _('discussions.actions.unlock') : _('discussions.actions.lock')}
            </Button>
          </>
        ) : null}
      </Group>
      <FormAlert message={error} />
    </>
  );
}
