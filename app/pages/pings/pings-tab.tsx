import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Ping } from '../../../common/contracts/pings.ts';
import { useCommunityPings } from '../../api/pings.ts';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { dateTime } from '../../lib/dates.ts';
import { useCommunity } from '../communities/community-context.ts';

/** /communities/:slug/pings: the community's Pings (leaders: all, with the response rate; members: yours). */
export function PingsTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('pings.tab.documentTitle', { community: home.community.name }));
  const pings = useCommunityPings(slug);
  const canSend = home.viewer.canSendPing;
  return (
    <Card component="section" aria-labelledby="pings-title">
      <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="pings-title">
          {_('pings.tab.title')}
        </Title>
        {canSend ? (
          <Button component={Link} to={`/communities/${slug}/pings/new`}>
            {_('pings.new.title')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {canSend ? _('pings.tab.introLeader') : _('pings.tab.introMember')}
      </Text>
      {pings.isPending ? (
        <PageLoader label={_('pings.tab.loading')} />
      ) : pings.isError ? (
        <LoadError error={pings.error} onRetry={() => void pings.refetch()} />
      ) : pings.data.length === 0 ? (
        <EmptyState title={_('pings.tab.emptyTitle')}>
          {canSend ? _('pings.tab.emptyLeader') : _('pings.tab.emptyMember')}
        </EmptyState>
      ) : (
        <Stack gap={0} component="ul" className="plain-list">
          {pings.data.map((ping) => (
            <PingRow key={ping.id} ping={ping} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function PingRow(props: { ping: Ping }) {
  const { _ } = useLingui();
  const { ping } = props;
  const rate =
    ping.recipientCount !== null && ping.answerCount !== null
      ? _('pings.tab.rate', { answered: ping.answerCount, asked: ping.recipientCount })
      : null;
  return (
    <Group component="li" justify="space-between" gap="sm" py="sm" wrap="wrap">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Anchor component={Link} to={`/pings/${ping.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {ping.question}
        </Anchor>
        <Text size="sm" c="dimmed">
          {[
            ping.open ? _('pings.closes', { closes: dateTime(ping.closesAt) }) : _('pings.closed'),
            rate,
            ping.anonymous ? _('pings.tab.anonymous') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      {ping.addressedToYou ? (
        <Badge variant="light" color={ping.answered ? 'forest' : 'yellow'}>
          {ping.answered ? _('pings.home.answered') : _('pings.home.waiting')}
        </Badge>
      ) : null}
    </Group>
  );
}
