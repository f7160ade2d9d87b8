import { Trans, useLingui } from '@lingui/react';
import { Alert, Anchor, Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { threadKindMessages } from '../../../common/enums.ts';
import { useDeleteThreadMutation, useThread } from '../../api/discussions.ts';
import { useMe } from '../../api/queries.ts';
import type { Thread, ThreadPost } from '../../api/types.ts';
import { deferred } from '../../components/deferred.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Kudos } from '../../components/kudos.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { CommunityItemPageState, PageLoader } from '../../components/page-states.tsx';
import { PostMeta, PostView, useHidePost } from '../../components/posts/post-view.tsx';
import { Reactions } from '../../components/posts/reactions.tsx';
import { Prose } from '../../components/prose.tsx';
import { ThreadActions } from './thread-actions.tsx';
import { ThreadBadges } from './thread-badges.tsx';

// Forms and dialogs load just after the page is drawn (see deferred.tsx).
const ConfirmDialog = deferred(
  async () => (await import('../../components/confirm-dialog.tsx')).ConfirmDialog,
);
const EditThreadForm = deferred(async () => (await import('./edit-thread-form.tsx')).EditThreadForm);
const ReplyForm = deferred(async () => (await import('../../components/posts/reply-form.tsx')).ReplyForm);
const ReportDialog = deferred(
  async () => (await import('../../components/posts/report-dialog.tsx')).ReportDialog,
);

function OpeningPost(props: { thread: Thread }) {
  const { _ } = useLingui();
  const { thread } = props;
  const navigate = useNavigate();
  const deleteThread = useDeleteThreadMutation(thread.id, thread.community.slug);
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [reporting, setReporting] = useState(false);
  const hide = useHidePost(thread.id);
  const canReport = thread.abilities.react && thread.author?.id !== me.data?.id;
  const tools = thread.abilities.edit || thread.abilities.delete || thread.abilities.moderate || canReport;
  return (
    <Card component="section" aria-label={_('discussions.thread.openingPost')}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <PostMeta
            author={thread.author}
            createdAt={thread.createdAt}
            editedAt={thread.editedAt}
            history={{ threadId: thread.id, postId: null }}
          />
          {thread.hidden ? (
            <Badge color="red" variant="light" tt="none">
              {_('discussions.post.hiddenBadge')}
            </Badge>
          ) : null}
        </Group>
        {editing ? (
          <EditThreadForm
            thread={thread}
            onDone={async () => {
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Box style={{ overflowWrap: 'anywhere' }}>
            <Prose html={thread.bodyHtml} empty="" />
          </Box>
        )}
        <Reactions
          threadId={thread.id}
          postId={null}
          reactions={thread.reactions}
          canReact={thread.abilities.react}
        />
        <Kudos
          subjectType="thread"
          subjectId={thread.id}
          receiver={thread.author}
          canGive={thread.abilities.react}
        />
        {!editing && tools ? (
          <Group gap="xs">
            {thread.abilities.edit ? (
              <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
                {_('common.action.edit')}
              </Button>
            ) : null}
            {thread.abilities.delete ? (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(true)}>
                {_('discussions.thread.deleteThread')}
              </Button>
            ) : null}
            {thread.abilities.moderate ? (
              <Button
                size="compact-sm"
                variant="subtle"
                loading={hide.busy}
                onClick={() => void hide.setHidden(null, !thread.hidden)}
              >
                {thread.hidden ? _('discussions.thread.restoreThread') : _('discussions.thread.hideThread')}
              </Button>
            ) : null}
            {canReport ? (
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setReporting(true)}>
                {_('discussions.post.report')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <FormAlert message={hide.error} />
      </Stack>
      <ReportDialog
        opened={reporting}
        threadId={thread.id}
        postId={null}
        title={_('discussions.report.titleOpening')}
        onClose={() => setReporting(false)}
      />
      <ConfirmDialog
        opened={deleting}
        title={_('discussions.thread.deleteTitle')}
        message={_('discussions.thread.deleteMessage')}
        confirmLabel={_('discussions.thread.deleteThread')}
        onConfirm={async () => {
          await deleteThread.mutateAsync();
          void navigate(`/communities/${thread.community.slug}/discussions`);
        }}
        onClose={() => setDeleting(false)}
      />
    </Card>
  );
}

function ThreadView(props: {
  thread: Thread;
  replies: ThreadPost[];
  more: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { _ } = useLingui();
  const { thread, replies } = props;
  const top = replies.filter((post) => post.parentId === null);
  const under = (id: string) => replies.filter((post) => post.parentId === id);
  return (
    <>
      <PageHeader
        title={thread.title}
        documentTitle={`${thread.title} · ${thread.community.name}`}
        description={
          <Trans
            id="discussions.thread.kindIn"
            values={{ kind: _(threadKindMessages[thread.kind]), community: <>{thread.community.name}</> }}
            components={{
              link: <Anchor component={Link} to={`/communities/${thread.community.slug}/discussions`} />,
            }}
          />
        }
        actions={<ThreadActions thread={thread} />}
      />
      <Stack gap="lg">
        <ThreadBadges thread={thread} />
        <OpeningPost thread={thread} />
        <Card component="section" aria-labelledby="replies-title">
          <Title order={2} size="h3" id="replies-title" mb="sm">
            {_('discussions.thread.replies', { count: thread.replyCount })}
          </Title>
          {top.length === 0 ? (
            <Text size="sm" c="dimmed">
              {_('discussions.thread.noReplies')}
            </Text>
          ) : (
            <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {top.map((post) => (
                <li key={post.id}>
                  <PostView thread={thread} post={post} canReplyUnder={thread.abilities.reply} />
                  {under(post.id).length > 0 ? (
                    <Stack
                      component="ol"
                      gap="sm"
                      mt="sm"
                      pl={{ base: 'sm', sm: 'xl' }}
                      style={{ listStyle: 'none', margin: 0 }}
                    >
                      {under(post.id).map((child) => (
                        <li key={child.id}>
                          <PostView thread={thread} post={child} canReplyUnder={thread.abilities.reply} />
                        </li>
                      ))}
                    </Stack>
                  ) : null}
                </li>
              ))}
            </Stack>
          )}
          {props.more ? (
            <Button variant="default" mt="sm" onClick={props.onLoadMore} loading={props.loadingMore}>
              {_('discussions.thread.loadMore')}
            </Button>
          ) : null}
        </Card>
        {thread.abilities.reply ? (
          <Card component="section" aria-label={_('discussions.thread.replyRegion')}>
            <ReplyForm
              threadId={thread.id}
              slug={thread.community.slug}
              label={_('discussions.thread.yourReply')}
              submitLabel={_('discussions.post.postReply')}
              withPreview
            />
          </Card>
        ) : thread.suspended ? (
          <Alert color="amber" variant="light" title={_('discussions.common.suspendedTitle')}>
            {_('discussions.thread.suspendedBody')}
          </Alert>
        ) : thread.locked ? (
          <Text size="sm" c="dimmed">
            {_('discussions.thread.locked')}
          </Text>
        ) : null}
      </Stack>
    </>
  );
}

/** /discussions/:id: a thread, its replies, and replying, reacting, following and moderating. */
export function ThreadPage() {
  const { _ } = useLingui();
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const thread = useThread(id);
  const loaded = Boolean(thread.data);
  useEffect(() => {
    if (!loaded || !hash.startsWith('#post-')) return;
    document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);
  if (!thread.data) return <CommunityItemPageState noun="Discussion" query={thread} />;
  const pages = thread.data.pages;
  const first = pages[0];
  if (!first) return <PageLoader />;
  return (
    <ThreadView
      thread={first}
      replies={pages.flatMap((page) => page.replies)}
      more={thread.hasNextPage}
      loadingMore={thread.isFetchingNextPage}
      onLoadMore={() => void thread.fetchNextPage()}
    />
  );
}
