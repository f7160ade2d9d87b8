import { Trans, useLingui } from '@lingui/react';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { type ModerationEntry, useModerationLog } from '../../api/moderation.ts';
import { PagedList } from '../../components/list-page/index.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';

/** What each action is called in the log (the person acted on, when there is one, is `{name}`). */
const actionMessages: Record<string, MessageId> = {
  hide: 'moderation.log.action.hide',
  restore: 'moderation.log.action.restore',
  'dismiss report': 'moderation.log.action.dismissReport',
  pin: 'moderation.log.action.pin',
  unpin: 'moderation.log.action.unpin',
  lock: 'moderation.log.action.lock',
  unlock: 'moderation.log.action.unlock',
  suspend: 'moderation.log.action.suspend',
  lift_suspension: 'moderation.log.action.liftSuspension',
};

function What(props: { entry: ModerationEntry }) {
  const { _ } = useLingui();
  const { entry } = props;
  const id = actionMessages[entry.action];
  const name = entry.subject?.displayName ?? _('moderation.common.formerMemberLower');
  const label = id ? _(id, { name }) : entry.action;
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {entry.thread ? (
        <Trans
          id="moderation.log.inThread"
          values={{ action: <>{label}</>, thread: <>{entry.thread.title}</> }}
          components={{
            link: (
              <Anchor
                component={Link}
                to={`/discussions/${entry.thread.id}${entry.postId ? `#post-${entry.postId}` : ''}`}
              />
            ),
          }}
        />
      ) : (
        label
      )}
    </Text>
  );
}

/** Every moderation action in the community, newest first, a page at a time. */
export function ModerationLog(props: { slug: string }) {
  const { _ } = useLingui();
  const log = useModerationLog(props.slug);
  return (
    <PagedList
      query={log}
      loadingLabel={_('moderation.log.loading')}
      empty={<EmptyState title={_('moderation.log.emptyTitle')}>{_('moderation.log.emptyBody')}</EmptyState>}
      gap="sm"
      more={{ label: _('moderation.log.loadMore'), align: 'stretch' }}
    >
      {(entries) => (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-label={_('moderation.tab.log')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{_('moderation.log.when')}</Table.Th>
                <Table.Th scope="col">{_('moderation.log.who')}</Table.Th>
                <Table.Th scope="col">{_('moderation.log.what')}</Table.Th>
                <Table.Th scope="col">{_('moderation.log.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <Text size="sm">
                      <time dateTime={entry.createdAt}>{dateTime(entry.createdAt)}</time>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {entry.moderator?.displayName ?? _('moderation.common.formerMember')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <What entry={entry} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {entry.note}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </PagedList>
  );
}
