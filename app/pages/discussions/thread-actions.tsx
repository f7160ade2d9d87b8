import { useLingui } from '@lingui/react';
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { apiSend, errorMessage } from '../../api/client.ts';
import type { Thread } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';

/** Follow, pin and lock: toggles for what the viewer may change. */
export function ThreadActions(props: { thread: Thread; onChanged: () => Promise<void> }) {
  const { _ } = useLingui();
  const { thread } = props;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (name: string, method: 'PUT', path: string, body: unknown) => {
    setBusy(name);
    setError(null);
    try {
      await apiSend(method, path, body);
      await props.onChanged();
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
            onClick={() =>
              void act('follow', 'PUT', `/threads/${thread.id}/following`, { following: !thread.following })
            }
          >
            {thread.following ? _('discussions.actions.following') : _('discussions.actions.follow')}
          </Button>
        ) : null}
        {thread.abilities.moderate ? (
          <>
            <Button
              variant="default"
              loading={busy === 'pin'}
              onClick={() =>
                void act('pin', 'PUT', `/threads/${thread.id}/moderation`, { pinned: !thread.pinned })
              }
            >
              {thread.pinned ? _('discussions.actions.unpin') : _('discussions.actions.pin')}
            </Button>
            <Button
              variant="default"
              loading={busy === 'lock'}
              onClick={() =>
                void act('lock', 'PUT', `/threads/${thread.id}/moderation`, { locked: !thread.locked })
              }
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
