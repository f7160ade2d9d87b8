import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SurveySummary } from '../../../common/contracts/surveys.ts';
import { useCommunityCheckins } from '../../api/surveys.ts';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { dateTime } from '../../lib/dates.ts';
import { useCommunity } from '../communities/community-context.ts';

/**
 * /communities/:slug/checkins: the community's check-ins (leaders: all, with the response rate and
 * "New check-in"; members: those sent to them). Those who send Pings run check-ins too (the same rule).
 */
export function CheckinsTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('checkins.tab.documentTitle', { community: home.community.name }));
  const checkins = useCommunityCheckins(slug);
  const leads = home.viewer.canSendPing;
  return (
    <Card component="section" aria-labelledby="checkins-title">
      <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="checkins-title">
          {_('checkins.tab.title')}
        </Title>
        {leads ? (
          <Button component={Link} to={`/communities/${slug}/checkins/new`}>
            {_('checkins.new.title')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {leads ? _('checkins.tab.introLeader') : _('checkins.tab.introMember')}
      </Text>
      {checkins.isPending ? (
        <PageLoader label={_('checkins.tab.loading')} />
      ) : checkins.isError ? (
        <LoadError error={checkins.error} onRetry={() => void checkins.refetch()} />
      ) : checkins.data.length === 0 ? (
        <EmptyState title={_('checkins.tab.emptyTitle')}>
          {leads ? _('checkins.tab.emptyLeader') : _('checkins.tab.emptyMember')}
        </EmptyState>
      ) : (
        <Stack gap={0} component="ul" className="plain-list">
          {checkins.data.map((checkin) => (
            <CheckinRow key={checkin.id} checkin={checkin} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function CheckinRow(props: { checkin: SurveySummary }) {
  const { _ } = useLingui();
  const { checkin } = props;
  const round = checkin.round;
  const status = !round
    ? checkin.nextRoundOpensAt
      ? _('checkins.status.opens', { opens: dateTime(checkin.nextRoundOpensAt) })
      : null
    : round.open
      ? _('checkins.status.open', { round: round.number, closes: dateTime(round.closesAt) })
      : _('checkins.status.closed', { round: round.number });
  const rate =
    round && round.inviteeCount !== null && round.responseCount !== null
      ? _('checkins.rate', { answered: round.responseCount, asked: round.inviteeCount })
      : null;
  return (
    <Group component="li" justify="space-between" gap="sm" py="sm" wrap="wrap">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Anchor component={Link} to={`/checkins/${checkin.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {checkin.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {[status, rate, checkin.anonymous ? _('checkins.anonymous') : null, recurrenceText(_, checkin)]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      {checkin.invited && round?.open ? (
        <Badge variant="light" color={checkin.answered ? 'forest' : 'yellow'}>
          {checkin.answered ? _('checkins.answered') : _('checkins.waiting')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** "Every term" or "Every 4 weeks", or nothing for a check-in that runs once. */
export function recurrenceText(
  _: ReturnType<typeof useLingui>['_'],
  checkin: { recurrence: string; stopped: boolean; everyWeeks?: number | null },
): string | null {
  if (checkin.stopped || checkin.recurrence === 'none') return null;
  if (checkin.recurrence === 'term') return _('checkins.recurrence.term');
  return _('checkins.recurrence.weeksShort', { count: checkin.everyWeeks ?? 0 });
}
