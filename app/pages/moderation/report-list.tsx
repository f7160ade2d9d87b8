import { Trans, useLingui } from '@lingui/react';
import { Anchor, Badge, Blockquote, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { errorMessage } from '../../api/client.ts';
import {
  type Report,
  type ReportAction,
  type ReportStatus,
  useReportActionMutation,
  useReports,
} from '../../api/moderation.ts';
import { useMe } from '../../api/queries.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { ItemList, PagedList } from '../../components/list-page/index.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { SuspendDialog } from './suspend-dialog.tsx';

const statuses: readonly ReportStatus[] = ['open', 'hidden', 'dismissed'];
const statusLabels: Record<ReportStatus, MessageId> = {
  open: 'moderation.reports.status.open',
  hidden: 'moderation.reports.status.hidden',
  dismissed: 'moderation.reports.status.dismissed',
};
const emptyTitles: Record<ReportStatus, MessageId> = {
  open: 'moderation.reports.emptyTitle.open',
  hidden: 'moderation.reports.emptyTitle.hidden',
  dismissed: 'moderation.reports.emptyTitle.dismissed',
};
const emptyTexts: Record<ReportStatus, MessageId> = {
  open: 'moderation.reports.emptyBody.open',
  hidden: 'moderation.reports.emptyBody.hidden',
  dismissed: 'moderation.reports.emptyBody.dismissed',
};

/** One report: what was reported and why, and what a moderator can do about it. */
function ReportCard(props: { report: Report; showCommunity: boolean }) {
  const { _ } = useLingui();
  const { report } = props;
  const me = useMe();
  const reportAction = useReportActionMutation();
  // Nobody suspends themselves (the server refuses it too).
  const author = report.author && report.author.id !== me.data?.id ? report.author : null;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [suspending, setSuspending] = useState(false);
  const link = `/discussions/${report.thread.id}${report.postId ? `#post-${report.postId}` : ''}`;
  const act = async (name: string, action: ReportAction) => {
    setBusy(name);
    setError(null);
    try {
      await reportAction.mutateAsync(action);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };
  const label = _(report.postId ? 'moderation.report.labelReply' : 'moderation.report.labelOpening', {
    thread: report.thread.title,
  });
  return (
    <Paper withBorder p="md" component="article" aria-label={label}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            <Trans
              id={report.postId ? 'moderation.report.headingReply' : 'moderation.report.headingOpening'}
              values={{ thread: <>{report.thread.title}</> }}
              components={{ link: <Anchor component={Link} to={link} /> }}
            />
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
                {_('moderation.report.hidden')}
              </Badge>
            ) : null}
            {report.threadLocked ? (
              <Badge color="gray" variant="light" tt="none">
                {_('moderation.report.threadLocked')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {_('moderation.report.writtenBy', {
            name: report.author?.displayName ?? _('moderation.common.formerMemberLower'),
          })}
        </Text>
        <Blockquote p="xs" style={{ overflowWrap: 'anywhere' }}>
          <Text size="sm">{report.excerpt || _('moderation.report.noText')}</Text>
        </Blockquote>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} inherit>
            {_('moderation.report.reason')}
          </Text>{' '}
          {report.reason}
        </Text>
        <Text size="xs" c="dimmed">
          <Trans
            id="moderation.report.reportedBy"
            values={{
              name: <>{report.reporter?.displayName ?? _('moderation.common.formerMemberLower')}</>,
              when: relativeTime(report.createdAt),
            }}
            components={{ time: <time dateTime={report.createdAt} title={dateTime(report.createdAt)} /> }}
          />
        </Text>
        <Group gap="xs" wrap="wrap">
          {report.status === 'open' ? (
            <>
              <Button
                size="compact-sm"
                color="red"
                loading={busy === 'hide'}
                onClick={() => void act('hide', { kind: 'decision', reportId: report.id, decision: 'hide' })}
              >
                {_('moderation.report.hidePost')}
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                loading={busy === 'dismiss'}
                onClick={() =>
                  void act('dismiss', { kind: 'decision', reportId: report.id, decision: 'dismiss' })
                }
              >
                {_('moderation.report.dismiss')}
              </Button>
            </>
          ) : null}
          {report.hidden ? (
            <Button
              size="compact-sm"
              variant="default"
              loading={busy === 'restore'}
              onClick={() =>
                void act('restore', { kind: 'restore', threadId: report.thread.id, postId: report.postId })
              }
            >
              {_('moderation.report.restorePost')}
            </Button>
          ) : null}
          <Button
            size="compact-sm"
            variant="default"
            loading={busy === 'lock'}
            onClick={() =>
              void act('lock', { kind: 'lock', threadId: report.thread.id, locked: !report.threadLocked })
            }
          >
            {report.threadLocked ? _('moderation.report.unlockThread') : _('moderation.report.lockThread')}
          </Button>
          {author ? (
            <Button size="compact-sm" variant="default" onClick={() => setSuspending(true)}>
              {_('moderation.report.suspendAuthor')}
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
          onClose={() => setSuspending(false)}
        />
      ) : null}
    </Paper>
  );
}

function ReportPages(props: { slug: string | null; status: ReportStatus }) {
  const { _ } = useLingui();
  const reports = useReports(props.slug, props.status);
  return (
    <PagedList
      query={reports}
      loadingLabel={_('moderation.reports.loading')}
      empty={<EmptyState title={_(emptyTitles[props.status])}>{_(emptyTexts[props.status])}</EmptyState>}
      gap="sm"
      more={{ label: _('moderation.reports.loadMore'), align: 'stretch' }}
    >
      {(all) => (
        <ItemList items={all}>
          {(report) => <ReportCard report={report} showCommunity={props.slug === null} />}
        </ItemList>
      )}
    </PagedList>
  );
}

/** The moderation queue: open reports first, then the decided ones by outcome. `slug` null: every community. */
export function ReportQueue(props: { slug: string | null }) {
  const { _ } = useLingui();
  const [status, setStatus] = useState<ReportStatus>('open');
  return (
    <Tabs
      value={status}
      onChange={(value) => setStatus(statuses.find((known) => known === value) ?? 'open')}
      keepMounted={false}
    >
      <Tabs.List mb="md" aria-label={_('moderation.reports.byStatus')}>
        {statuses.map((value) => (
          <Tabs.Tab key={value} value={value}>
            {_(statusLabels[value])}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={status}>
        <ReportPages slug={props.slug} status={status} />
      </Tabs.Panel>
    </Tabs>
  );
}
