import { useLingui } from '@lingui/react';
import { Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useDeleteReplyMutation, useHelpfulMutation, useHidePostMutation } from '../../api/discussions.ts';
import { useMe } from '../../api/queries.ts';
import type { Thread, ThreadPost } from '../../api/types.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { deferred } from '../deferred.tsx';
import { FormAlert } from '../form-alert.tsx';
import { Kudos } from '../kudos.tsx';
import { PersonAvatar } from '../person-avatar.tsx';
import { Prose } from '../prose.tsx';
import { Reactions } from './reactions.tsx';

// Forms and dialogs load just after the page is drawn (see deferred.tsx).
const ConfirmDialog = deferred(async () => (await import('../confirm-dialog.tsx')).ConfirmDialog);
const HistoryDialog = deferred(async () => (await import('./history-dialog.tsx')).HistoryDialog);
const ReplyForm = deferred(async () => (await import('./reply-form.tsx')).ReplyForm);
const ReportDialog = deferred(async () => (await import('./report-dialog.tsx')).ReportDialog);

/**
 * Who wrote a post and when, and whether it was edited: then `history` (the thread, and the reply or
 * null for the opening post) offers its earlier versions.
 */
export function PostMeta(props: {
  author: ThreadPost['author'];
  createdAt: string;
  editedAt: string | null;
  history?: { threadId: string; postId: string | null };
}) {
  const { _ } = useLingui();
  const name = props.author?.displayName ?? _('discussions.common.formerMember');
  const [showHistory, setShowHistory] = useState(false);
  return (
    <Group gap="xs" wrap="wrap">
      <PersonAvatar name={name} photoUrl={props.author?.photoUrl ?? null} size="sm" />
      <Text size="sm">
        <Text span fw={600} inherit>
          {name}
        </Text>{' '}
        <Text span c="dimmed" inherit>
          ·{' '}
          <time dateTime={props.createdAt} title={dateTime(props.createdAt)}>
            {relativeTime(props.createdAt)}
          </time>
          {props.editedAt ? ` · ${_('discussions.post.edited')}` : ''}
        </Text>
      </Text>
      {props.editedAt && props.history ? (
        <>
          <Button size="compact-xs" variant="subtle" onClick={() => setShowHistory(true)}>
            {_('discussions.post.history')}
          </Button>
          <HistoryDialog
            opened={showHistory}
            threadId={props.history.threadId}
            postId={props.history.postId}
            onClose={() => setShowHistory(false)}
          />
        </>
      ) : null}
    </Group>
  );
}

/** Moderators hide a post from members, or restore it. */
export function useHidePost(threadId: string, onChanged?: () => Promise<void>) {
  const hide = useHidePostMutation(threadId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setHidden = async (postId: string | null, hidden: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await hide.mutateAsync({ postId, hidden });
      await onChanged?.();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setHidden };
}

/** One reply: its text, reactions and what the viewer may do with it. */
export function PostView(props: {
  thread: Thread;
  post: ThreadPost;
  canReplyUnder: boolean;
  /** Called after a change (the thread itself refreshes on its own). */
  onChanged?: () => Promise<void>;
}) {
  const { _ } = useLingui();
  const { thread, post } = props;
  const me = useMe();
  const [mode, setMode] = useState<'view' | 'edit' | 'reply'>('view');
  const [deleting, setDeleting] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hide = useHidePost(thread.id, props.onChanged);
  const helpful = useHelpfulMutation(thread.id);
  const deleteReply = useDeleteReplyMutation(thread.id);
  const name = post.author?.displayName ?? _('discussions.common.formerMemberLower');
  if (post.deleted) {
    return (
      <Paper withBorder p="sm" id={`post-${post.id}`}>
        <Text size="sm" c="dimmed" fs="italic">
          {_('discussions.post.deleted')}
        </Text>
      </Paper>
    );
  }
  // Members see only that a moderator hid it; moderators see it, marked, and may restore it.
  if (post.hidden && !thread.abilities.moderate) {
    return (
      <Paper withBorder p="sm" id={`post-${post.id}`}>
        <Text size="sm" c="dimmed" fs="italic">
          {_('discussions.post.hiddenByModerator')}
        </Text>
      </Paper>
    );
  }
  // Reporting is for those who take part (the same rule as reacting), about other people's posts.
  const canReport = thread.abilities.react && post.author?.id !== me.data?.id;
  const markHelpful = async () => {
    setError(null);
    try {
      await helpful.mutateAsync(post.helpful ? null : post.id);
      await props.onChanged?.();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Paper
      withBorder
      p="sm"
      id={`post-${post.id}`}
      component="article"
      aria-label={_('discussions.post.label', { name })}
      bd={post.helpful ? '2px solid var(--mantine-color-forest-6)' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <PostMeta
            author={post.author}
            createdAt={post.createdAt}
            editedAt={post.editedAt}
            history={{ threadId: thread.id, postId: post.id }}
          />
          {post.hidden ? (
            <Badge color="red" variant="light" tt="none">
              {_('discussions.post.hiddenBadge')}
            </Badge>
          ) : null}
          {post.helpful ? (
            <Badge color="forest" variant="light" tt="none">
              {_('discussions.post.helpfulBadge')}
            </Badge>
          ) : null}
        </Group>
        {mode === 'edit' ? (
          <ReplyForm
            threadId={thread.id}
            postId={post.id}
            initial={post.body}
            label={_('discussions.post.editLabel')}
            submitLabel={_('common.action.saveChanges')}
            onDone={async () => {
              setMode('view');
              await props.onChanged?.();
            }}
            onCancel={() => setMode('view')}
          />
        ) : (
          <Box style={{ overflowWrap: 'anywhere' }}>
            <Prose html={post.bodyHtml} empty="" />
          </Box>
        )}
        <Reactions
          threadId={thread.id}
          postId={post.id}
          reactions={post.reactions}
          canReact={thread.abilities.react}
          onChanged={props.onChanged}
        />
        <Kudos
          subjectType="post"
          subjectId={post.id}
          listOf={{ subjectType: 'thread', subjectId: thread.id }}
          receiver={post.author}
          canGive={thread.abilities.react}
        />
        {mode === 'view' ? (
          <Group gap="xs" wrap="wrap">
            {props.canReplyUnder ? (
              <Button size="compact-sm" variant="subtle" onClick={() => setMode('reply')}>
                {_('discussions.post.reply')}
              </Button>
            ) : null}
            {post.abilities.markHelpful ? (
              <Button size="compact-sm" variant="subtle" color="forest" onClick={() => void markHelpful()}>
                {post.helpful ? _('discussions.post.unmarkHelpful') : _('discussions.post.markHelpful')}
              </Button>
            ) : null}
            {post.abilities.edit ? (
              <Button size="compact-sm" variant="subtle" onClick={() => setMode('edit')}>
                {_('common.action.edit')}
              </Button>
            ) : null}
            {post.abilities.delete ? (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(true)}>
                {_('common.action.delete')}
              </Button>
            ) : null}
            {thread.abilities.moderate ? (
              <Button
                size="compact-sm"
                variant="subtle"
                loading={hide.busy}
                onClick={() => void hide.setHidden(post.id, !post.hidden)}
              >
                {post.hidden ? _('discussions.post.restore') : _('discussions.post.hide')}
              </Button>
            ) : null}
            {canReport ? (
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setReporting(true)}>
                {_('discussions.post.report')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <FormAlert message={error ?? hide.error} />
        {mode === 'reply' ? (
          <ReplyForm
            threadId={thread.id}
            slug={thread.community.slug}
            parentId={post.parentId ?? post.id}
            label={_('discussions.post.replyTo', { name })}
            submitLabel={_('discussions.post.postReply')}
            onDone={async () => {
              setMode('view');
              await props.onChanged?.();
            }}
            onCancel={() => setMode('view')}
          />
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={deleting}
        title={_('discussions.post.deleteTitle')}
        message={_('discussions.post.deleteMessage')}
        confirmLabel={_('discussions.post.deleteConfirm')}
        onConfirm={async () => {
          await deleteReply.mutateAsync(post.id);
          await props.onChanged?.();
        }}
        onClose={() => setDeleting(false)}
      />
      <ReportDialog
        opened={reporting}
        threadId={thread.id}
        postId={post.id}
        title={_('discussions.report.titleReply', { name })}
        onClose={() => setReporting(false)}
      />
    </Paper>
  );
}
