import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useThread } from '../../api/discussions.ts';
import { type Resource, useRefreshResource, useStartResourceDiscussionMutation } from '../../api/toolkit.ts';
import type { Thread, ThreadPost } from '../../api/types.ts';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { PostView } from '../../components/posts/post-view.tsx';
import { ReplyForm } from '../../components/posts/reply-form.tsx';

interface RepliesProps {
  thread: Thread;
  replies: ThreadPost[];
  more: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

function Replies(props: RepliesProps & { onChanged: () => Promise<void> }) {
  const { _ } = useLingui();
  const { thread, replies } = props;
  const top = replies.filter((post) => post.parentId === null);
  const under = (id: string) => replies.filter((post) => post.parentId === id);
  return (
    <Stack gap="sm">
      {top.length === 0 ? (
        <Text size="sm" c="dimmed">
          {_('toolkit.discussion.noComments')}
        </Text>
      ) : (
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {top.map((post) => (
            <li key={post.id}>
              <PostView
                thread={thread}
                post={post}
                canReplyUnder={thread.abilities.reply}
                onChanged={props.onChanged}
              />
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
                      <PostView
                        thread={thread}
                        post={child}
                        canReplyUnder={thread.abilities.reply}
                        onChanged={props.onChanged}
                      />
                    </li>
                  ))}
                </Stack>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
      {props.more ? (
        <Group>
          <Button variant="default" onClick={props.onLoadMore} loading={props.loadingMore}>
            {_('toolkit.discussion.loadMore')}
          </Button>
        </Group>
      ) : null}
      {thread.abilities.reply ? (
        <ReplyForm
          threadId={thread.id}
          label={_('toolkit.discussion.comment')}
          submitLabel={_('toolkit.discussion.post')}
          withPreview
          onDone={props.onChanged}
        />
      ) : thread.locked ? (
        <Text size="sm" c="dimmed">
          {_('toolkit.discussion.locked')}
        </Text>
      ) : null}
    </Stack>
  );
}

function ThreadReplies(props: RepliesProps & { resource: Resource }) {
  // The thread refreshes itself after a change; the resource's own counts follow.
  const refresh = useRefreshResource(props.resource.id);
  return (
    <Replies
      thread={props.thread}
      replies={props.replies}
      more={props.more}
      loadingMore={props.loadingMore}
      onLoadMore={props.onLoadMore}
      onChanged={refresh}
    />
  );
}

function StartedDiscussion(props: { resource: Resource; threadId: string }) {
  const { _ } = useLingui();
  const thread = useThread(props.threadId);
  if (thread.isPending) return <PageLoader label={_('toolkit.discussion.loading')} />;
  if (thread.isError) return <LoadError error={thread.error} onRetry={() => void thread.refetch()} />;
  const first = thread.data.pages[0];
  if (!first) return <PageLoader label={_('toolkit.discussion.loading')} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {_('toolkit.discussion.count', { count: first.replyCount })} ·{' '}
        <Anchor component={Link} to={`/discussions/${first.id}`} inherit>
          {_('toolkit.discussion.openThread')}
        </Anchor>
      </Text>
      <ThreadReplies
        thread={first}
        resource={props.resource}
        replies={thread.data.pages.flatMap((page) => page.replies)}
        more={thread.hasNextPage}
        loadingMore={thread.isFetchingNextPage}
        onLoadMore={() => void thread.fetchNextPage()}
      />
    </Stack>
  );
}

/** The resource's own discussion: a thread in its community, started by the first person to comment. */
export function ResourceDiscussion(props: { resource: Resource }) {
  const { _ } = useLingui();
  const { resource } = props;
  const startDiscussion = useStartResourceDiscussionMutation(resource.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const start = async () => {
    setBusy(true);
    setError('');
    try {
      await startDiscussion.mutateAsync();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : _('toolkit.discussion.startFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card component="section" aria-labelledby="resource-discussion-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="resource-discussion-title">
          {_('toolkit.discussion.title')}
        </Title>
        {resource.discussionId ? (
          <StartedDiscussion resource={resource} threadId={resource.discussionId} />
        ) : resource.abilities.comment ? (
          <>
            <Text size="sm" c="dimmed">
              {_('toolkit.discussion.intro')}
            </Text>
            <Group>
              <Button variant="light" onClick={() => void start()} loading={busy}>
                {_('toolkit.discussion.start')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {_('toolkit.discussion.none')}
          </Text>
        )}
        {error ? (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
