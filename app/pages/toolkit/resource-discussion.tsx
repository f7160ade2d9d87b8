import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, apiSend } from '../../api/client.ts';
import { type Resource, toolkitKeys } from '../../api/toolkit.ts';
import type { Thread, ThreadPost } from '../../api/types.ts';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { PostView } from '../discussions/post-view.tsx';
import { ReplyForm } from '../discussions/reply-form.tsx';
import { useRefreshThread, useThread } from '../discussions/use-thread.ts';

interface RepliesProps {
  thread: Thread;
  replies: ThreadPost[];
  more: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

function Replies(props: RepliesProps & { onChanged: () => Promise<void> }) {
  const { thread, replies } = props;
  const top = replies.filter((post) => post.parentId === null);
  const under = (id: string) => replies.filter((post) => post.parentId === id);
  return (
    <Stack gap="sm">
      {top.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comments yet. Ask a question or say how it went.
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
            Load more comments
          </Button>
        </Group>
      ) : null}
      {thread.abilities.reply ? (
        <ReplyForm
          threadId={thread.id}
          label="Comment"
          submitLabel="Post comment"
          withPreview
          onDone={props.onChanged}
        />
      ) : thread.locked ? (
        <Text size="sm" c="dimmed">
          This discussion is locked: it takes no new comments.
        </Text>
      ) : null}
    </Stack>
  );
}

function ThreadReplies(props: RepliesProps & { resource: Resource }) {
  const refreshThread = useRefreshThread(props.thread);
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      refreshThread(),
      queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(props.resource.id) }),
    ]);
  };
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
  const thread = useThread(props.threadId);
  if (thread.isPending) return <PageLoader label="Loading the discussion…" />;
  if (thread.isError) return <LoadError error={thread.error} onRetry={() => void thread.refetch()} />;
  const first = thread.data.pages[0];
  if (!first) return <PageLoader label="Loading the discussion…" />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {first.replyCount === 1 ? '1 comment' : `${first.replyCount} comments`} ·{' '}
        <Anchor component={Link} to={`/discussions/${first.id}`} inherit>
          Open as a thread
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
  const { resource } = props;
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const start = async () => {
    setBusy(true);
    setError('');
    try {
      await apiSend<{ id: string }>('POST', `/resources/${resource.id}/discussion`);
      await queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(resource.id) });
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : 'The discussion could not be started. Try again.',
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card component="section" aria-labelledby="resource-discussion-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="resource-discussion-title">
          Discussion
        </Title>
        {resource.discussionId ? (
          <StartedDiscussion resource={resource} threadId={resource.discussionId} />
        ) : resource.abilities.comment ? (
          <>
            <Text size="sm" c="dimmed">
              Questions, tips and how it went, in the community’s discussions.
            </Text>
            <Group>
              <Button variant="light" onClick={() => void start()} loading={busy}>
                Start the discussion
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            No one has started a discussion about this resource yet.
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
