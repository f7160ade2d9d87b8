import { useLingui } from '@lingui/react';
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useReactionMutation } from '../../api/discussions.ts';
import type { ThreadReaction } from '../../api/types.ts';
import { FormAlert } from '../form-alert.tsx';

/** The reactions offered, each with the catalog id of the name screen readers say. */
const choices = [
  { emoji: '👍', name: 'discussions.reactions.thumbsUp' },
  { emoji: '❤️', name: 'discussions.reactions.love' },
  { emoji: '🎉', name: 'discussions.reactions.celebrate' },
  { emoji: '💡', name: 'discussions.reactions.insightful' },
  { emoji: '🙏', name: 'discussions.reactions.thanks' },
  { emoji: '😄', name: 'discussions.reactions.funny' },
] as const;

/** The reaction buttons of a post (pressed for the viewer's own), or just the counts for readers. */
export function Reactions(props: {
  threadId: string;
  postId: string | null;
  reactions: ThreadReaction[];
  canReact: boolean;
  /** Called after a change (the thread itself refreshes on its own). */
  onChanged?: () => Promise<void>;
}) {
  const { _ } = useLingui();
  const react = useReactionMutation(props.threadId);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (emoji: (typeof choices)[number]['emoji'], mine: boolean) => {
    setBusy(emoji);
    setError(null);
    try {
      await react.mutateAsync({ emoji, postId: props.postId, mine });
      await props.onChanged?.();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };
  const shown = choices
    .map((choice) => {
      const found = props.reactions.find((reaction) => reaction.emoji === choice.emoji);
      return { ...choice, count: found?.count ?? 0, mine: found?.mine ?? false };
    })
    .filter((choice) => props.canReact || choice.count > 0);
  if (shown.length === 0) return null;
  return (
    <>
      <Group gap={6} wrap="wrap" role="group" aria-label={_('discussions.reactions.label')}>
        {shown.map((choice) => (
          <Button
            key={choice.emoji}
            size="compact-sm"
            variant={choice.mine ? 'light' : 'default'}
            aria-pressed={props.canReact ? choice.mine : undefined}
            aria-label={`${_(choice.name)}: ${choice.count}`}
            disabled={!props.canReact}
            loading={busy === choice.emoji}
            onClick={() => void toggle(choice.emoji, choice.mine)}
          >
            <span aria-hidden="true">
              {choice.emoji} {choice.count > 0 ? choice.count : ''}
            </span>
          </Button>
        ))}
      </Group>
      <FormAlert message={error} />
    </>
  );
}
