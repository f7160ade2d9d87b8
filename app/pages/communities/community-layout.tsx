import { useLingui } from '@lingui/react';
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { communityKindMessages } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { ApiError } from '../../api/client.ts';
import { useCommunityHome } from '../../api/communities.ts';
import { useMe } from '../../api/queries.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { canSeeModeration } from '../moderation/moderation-access.ts';
import { joinPolicyShort, memberCountText, StageBadge } from './community-badges.tsx';
import type { CommunityOutletContext } from './community-context.ts';
import { MembershipActions } from './membership-actions.tsx';

/** The tabs, with the ids of their labels (translated when shown). */
const tabs: { to: string; labelId: MessageId; end?: boolean }[] = [
  { to: '', labelId: 'communities.tabs.about', end: true },
  { to: 'charter', labelId: 'communities.tabs.charter' },
  { to: 'members', labelId: 'communities.tabs.members' },
  { to: 'discussions', labelId: 'communities.tabs.discussions' },
  { to: 'meetings', labelId: 'communities.tabs.meetings' },
  { to: 'toolkit', labelId: 'communities.tabs.toolkit' },
];
/** Shown to the community's leaders and the coordinators only. */
const moderationTab = { to: 'moderation', labelId: 'communities.tabs.moderation' as MessageId, end: false };
/** Pings: for the community's members (the ones sent to them) and those who send them. */
const pingsTab = { to: 'pings', labelId: 'communities.tabs.pings' as MessageId, end: false };
/** The health dashboard (#17 §1): its members see a summary, its leaders and the coordinators all of it. */
const dashboardTab = { to: 'dashboard', labelId: 'dashboard.tab' as MessageId, end: false };
/** Check-ins: for the same people as Pings. */
const checkinsTab = { to: 'checkins', labelId: 'checkins.tab.label' as MessageId, end: false };
/** Value stories (#17 §2): for the community's members and the coordinators. */
const storiesTab = { to: 'stories', labelId: 'stories.tab.label' as MessageId, end: false };
/** Peer learning circles: for the community's members and those who oversee it (leaders, coordinators). */
const circlesTab = { to: 'circles', labelId: 'circles.tab.label' as MessageId, end: false };
/** Projects with partners (#18 §4): for the same people as Circles (each sees the projects they may). */
const projectsTab = { to: 'projects', labelId: 'projects.tab.label' as MessageId, end: false };
/** Leadership terms and succession (#18 §1): for the community's members and the coordinators. */
const leadershipTab = { to: 'leadership', labelId: 'succession.tab.label' as MessageId, end: false };

function CommunityHeader(props: CommunityOutletContext & { moderates: boolean }) {
  const { _ } = useLingui();
  const { community, viewer } = props.home;
  const archived = community.stage === 'archived';
  const me = useMe();
  const coordinates = me.data?.role === 'coordinator' || me.data?.role === 'administrator';
  return (
    <Stack gap="md" mb="lg">
      <Anchor component={Link} to="/communities" size="sm" underline="hover">
        {_('communities.header.allCommunities')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Title order={1} tabIndex={-1} data-page-title style={{ overflowWrap: 'anywhere' }}>
            {community.name}
          </Title>
          <Group gap="xs" wrap="wrap">
            <StageBadge stage={community.stage} />
            {community.kind === 'council' ? (
              <Badge color="blue" variant="light" tt="none">
                {_(communityKindMessages.council)}
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {memberCountText(community.memberCount)}
              {archived ? '' : ` · ${_(joinPolicyShort[community.joinPolicy])}`}
              {community.unit ? ` · ${community.unit.name}` : ''}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm" align="flex-start" wrap="wrap">
          {viewer.canManage ? (
            <Button component={Link} to={`/communities/${community.slug}/edit`} variant="default">
              {_('communities.header.editDetails')}
            </Button>
          ) : null}
          <MembershipActions home={props.home} />
        </Group>
      </Group>
      {archived ? (
        <Alert color="gray" variant="light" title={_('communities.header.archived.title')}>
          {_('communities.header.archived.body')}
          {viewer.canChangeStage ? ` ${_('communities.header.archived.coordinator')}` : ''}
        </Alert>
      ) : null}
      {viewer.leaderless ? (
        <Alert color="amber" variant="light" title={_('communities.header.leaderless.title')}>
          <Stack gap="xs">
            <Text size="sm">
              {coordinates
                ? _('communities.header.leaderless.coordinator')
                : _('communities.header.leaderless.member')}
            </Text>
            {coordinates ? (
              <Anchor component={Link} to={`/communities/${community.slug}/leadership`} size="sm">
                {_('communities.header.leaderless.link')}
              </Anchor>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <nav aria-label={_('communities.header.sections')} className="community-tabs">
        <ul>
          {[
            ...tabs,
            ...(viewer.role !== null || viewer.canSendPing
              ? [pingsTab, checkinsTab, storiesTab, circlesTab, projectsTab, leadershipTab]
              : []),
            ...(props.moderates ? [moderationTab] : []),
            ...(viewer.role !== null || viewer.canSendPing ? [dashboardTab] : []),
          ].map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to ? `/communities/${community.slug}/${tab.to}` : `/communities/${community.slug}`}
                end={tab.end}
                className="community-tab"
              >
                {_(tab.labelId)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </Stack>
  );
}

/** /communities/:slug/*: the community's header, its membership button and tabs around the tab shown. */
export function CommunityLayout() {
  const { _ } = useLingui();
  const { slug = '' } = useParams();
  const location = useLocation();
  const me = useMe();
  const home = useCommunityHome(slug);

  if (home.isPending) {
    return (
      <>
        <PageHeader title={_('communities.layout.title')} />
        <PageLoader />
      </>
    );
  }
  if (home.isError) {
    const missing =
      home.error instanceof ApiError && (home.error.status === 404 || home.error.status === 400);
    return (
      <>
        <PageHeader
          title={missing ? _('communities.layout.notFound.title') : _('communities.layout.title')}
        />
        {missing ? (
          <EmptyState
            title={_('communities.layout.notFound.heading')}
            action={
              <Group justify="center" mt="sm">
                <Button component={Link} to="/communities" variant="light">
                  {_('communities.layout.notFound.browse')}
                </Button>
                {me.data === null ? (
                  <Button
                    component={Link}
                    to={`/signin?next=${encodeURIComponent(location.pathname)}`}
                    variant="default"
                  >
                    {_('communities.signIn')}
                  </Button>
                ) : null}
              </Group>
            }
          >
            {me.data === null
              ? _('communities.layout.notFound.signedOut')
              : _('communities.layout.notFound.signedIn')}
          </EmptyState>
        ) : (
          <LoadError error={home.error} onRetry={() => void home.refetch()} />
        )}
      </>
    );
  }
  const context: CommunityOutletContext = { home: home.data, slug };
  return (
    <>
      <CommunityHeader {...context} moderates={canSeeModeration(home.data.viewer.role, me.data?.role)} />
      <Outlet context={context} />
    </>
  );
}
