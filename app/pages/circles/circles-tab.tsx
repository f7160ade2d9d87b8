import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CircleSummary } from '../../../common/contracts/circles.ts';
import { useCommunityCircles } from '../../api/circles.ts';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { circleStateLabels, timeBoxText } from './circle-text.ts';
import { NewCircleForm } from './new-circle-form.tsx';

/**
 * /communities/:slug/circles: the community's peer learning circles the viewer may know of (leaders and
 * coordinators: all; members: open ones and their own), and "Form a circle" for its members.
 */
export function CirclesTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(`${_('circles.tab.title')} · ${home.community.name}`);
  const circles = useCommunityCircles(slug);
  const [forming, setForming] = useState(false);
  const canCreate = circles.data?.canCreate ?? false;
  return (
    <Card component="section" aria-labelledby="circles-title">
      <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="circles-title">
          {_('circles.tab.title')}
        </Title>
        {canCreate && !forming ? (
          <Button onClick={() => setForming(true)}>{_('circles.tab.form')}</Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {_('circles.tab.intro')}
      </Text>
      {forming ? <NewCircleForm slug={slug} onCancel={() => setForming(false)} /> : null}
      {circles.isPending ? (
        <PageLoader label={_('circles.tab.title')} />
      ) : circles.isError ? (
        <LoadError
          error={circles.error}
          title={_('circles.errorLoading')}
          onRetry={() => void circles.refetch()}
        />
      ) : circles.data.circles.length === 0 ? (
        <EmptyState title={_('circles.tab.title')}>
          {canCreate ? _('circles.tab.empty') : _('circles.tab.emptyNonMember')}
        </EmptyState>
      ) : (
        <Stack gap={0} component="ul" className="plain-list" aria-label={_('circles.list.label')}>
          {circles.data.circles.map((circle) => (
            <CircleRow key={circle.id} circle={circle} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function CircleRow(props: { circle: CircleSummary }) {
  const { _ } = useLingui();
  const { circle } = props;
  return (
    <Group component="li" justify="space-between" gap="sm" py="sm" wrap="wrap" align="flex-start">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Anchor component={Link} to={`/circles/${circle.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {circle.name}
        </Anchor>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {circle.purpose}
        </Text>
        <Text size="sm" c="dimmed">
          {[
            timeBoxText(_, circle),
            _('circles.list.members', { count: circle.memberCount }),
            circle.open ? _('circles.list.open') : _('circles.list.byInvitation'),
          ].join(' · ')}
        </Text>
      </Stack>
      <Group gap="xs">
        <Badge variant="light" color={circle.state === 'active' ? 'forest' : 'gray'}>
          {_(circleStateLabels[circle.state])}
        </Badge>
        {circle.viewerStatus ? (
          <Badge variant="outline" color={circle.viewerStatus === 'member' ? 'forest' : 'yellow'}>
            {circle.viewerStatus === 'member' ? _('circles.list.youAreIn') : _('circles.list.invited')}
          </Badge>
        ) : null}
      </Group>
    </Group>
  );
}
