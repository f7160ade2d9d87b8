import { Anchor, Badge, Blockquote, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiSend, errorMessage } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { type Report, type ReportStatus, useRefreshModeration, useReports } from './api.ts';
import { SuspendDialog } from './suspend-dialog.tsx';

const statuses: readonly ReportStatus[] = ['open', 'hidden', 'dismissed'];
const statusLabels: Record<ReportStatus, string> = { open: 'Open', hidden: 'Hidden', dismissed: 'Dismissed' };
const emptyTexts: Record<ReportStatus, string> = {
  open: 'Nothing to look at: when a member reports a post, it shows here.',
  hidden: 'No reported post has been hidden.',
  dismissed: 'No report has been dismissed.',
};

/** One report: what was reported and why, and what a moderator can do about it. */
function ReportCard(props: { report: Report; showCommunity: boolean }) {
  const { report } = props;
  const me = useMe();
  const refresh = useRefreshModeration();
  // Nobody suspends themselves (the server refuses it too).
  const author = report.author && report.author.id !== me.data?.id ? report.author : null;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [suspending, setSuspending] = useState(false);
  const what = report.postId ? 'Reply' : 'Opening post';
  const link = `/discussions/${report.thread.id}${report.postId ? `#post-${report.postId}` : ''}`;
  const act = async (name: string, method: 'POST' | 'PUT', path: string, body: unknown) => {
    setBusy(name);
    setError(null);
    try {
      await apiSend(method, path, body);
      await refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };
  const label = `${what} in “${report.thread.title}”`;
  return (
    <Paper withBorder p="md" component="article" aria-label={`Report: ${label}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {what} in{' '}
            <Anchor component={Link} to={link}>
              {report.thread.title}
            </Anchor>
            {props.showCommunity ? (
              <Text span c="dimmed" inherit fw={400}>
                {' '}
                · {report.community.name}
              </Text>
            ) : null}
          </Text>
          <Group gap={6}>
            {report.hidden ? (
              <Badge color="red" variant="light" tt="none">
                Hidden
              </Badge>
            ) : null}
            {report.threadLocked ? (
              <Badge color="gray" variant="light" tt="none">
                Thread locked
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          Written by {report.author?.displayName ?? 'a former member'}
        </Text>
        <Blockquote p="xs" style={{ overflowWrap: 'anywhere' }}>
          <Text size="sm">{report.excerpt || '(no text)'}</Text>
        </Blockquote>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} inherit>
            Reason:
          </Text>{' '}
          {report.reason}
        </Text>
        <Text size="xs" c="dimmed">
          Reported by {report.reporter?.displayName ?? 'a former member'} ·{' '}
          <time dateTime={report.createdAt} title={dateTime(report.createdAt)}>
            {relativeTime(report.createdAt)}
          </time>
        </Text>
        <Group gap="xs" wrap="wrap">
          {report.status === 'open' ? (
            <>
              <Button
                size="compact-sm"
                color="red"
                loading={busy === 'hide'}
                onClick={() =>
                  void act('hide', 'POST', `/reports/${report.id}/decision`, { decision: 'hide' })
                }
              >
                Hide post
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                loading={busy === 'dismiss'}
                onClick={() =>
                  void act('dismiss', 'POST', `/reports/${report.id}/decision`, { decision: 'dismiss' })
                }
              >
                Dismiss
              </Button>
            </>
          ) : null}
          {report.hidden ? (
            <Button
              size="compact-sm"
              variant="default"
              loading={busy === 'restore'}
              onClick={() =>
                void act('restore', 'PUT', `/threads/${report.thread.id}/hidden`, {
                  postId: report.postId,
                  hidden: false,
                })
              }
            >
              Restore post
            </Button>
          ) : null}
          <Button
            size="compact-sm"
            variant="default"
            loading={busy === 'lock'}
            onClick={() =>
              void act('lock', 'PUT', `/threads/${report.thread.id}/moderation`, {
                locked: !report.threadLocked,
              })
            }
          >
            {report.threadLocked ? 'Unlock thread' : 'Lock thread'}
          </Button>
          {author ? (
            <Button size="compact-sm" variant="default" onClick={() => setSuspending(true)}>
              Suspend the author
            </Button>
          ) : null}
        </Group>
        <FormAlert message={error} />
      </Stack>
      {author ? (
        <SuspendDialog
          opened={suspending}
          slug={report.community.slug}
          person={author}
          onDone={refresh}
          onClose={() => setSuspending(false)}
        />
      ) : null}
    </Paper>
  );
}

function ReportPages(props: { slug: string | null; status: ReportStatus }) {
  const reports = useReports(props.slug, props.status);
  if (reports.isPending) return <PageLoader label="Loading reports" />;
  if (reports.isError) return <LoadError error={reports.error} onRetry={() => void reports.refetch()} />;
  const all = reports.data.pages.flatMap((page) => page.data);
  if (all.length === 0) {
    return (
      <EmptyState title={`No ${statusLabels[props.status].toLowerCase()} reports`}>
        {emptyTexts[props.status]}
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm">
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {all.map((report) => (
          <li key={report.id}>
            <ReportCard report={report} showCommunity={props.slug === null} />
          </li>
        ))}
      </Stack>
      {reports.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void reports.fetchNextPage()}
          loading={reports.isFetchingNextPage}
        >
          Load more reports
        </Button>
      ) : null}
    </Stack>
  );
}

/** The moderation queue: open reports first, then the decided ones by outcome. `slug` null: every community. */
export function ReportQueue(props: { slug: string | null }) {
  const [status, setStatus] = useState<ReportStatus>('open');
  return (
    <Tabs
      value={status}
      onChange={(value) => setStatus(statuses.find((known) => known === value) ?? 'open')}
      keepMounted={false}
    >
      <Tabs.List mb="md" aria-label="Reports by status">
        {statuses.map((value) => (
          <Tabs.Tab key={value} value={value}>
            {statusLabels[value]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={status}>
        <ReportPages slug={props.slug} status={status} />
      </Tabs.Panel>
    </Tabs>
  );
}
