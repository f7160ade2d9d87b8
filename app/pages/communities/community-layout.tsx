import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { canSeeModeration } from '../moderation/moderation-access.ts';
import { joinPolicyShort, memberCountText, StageBadge } from './community-badges.tsx';
import { type CommunityOutletContext, useCommunityHome } from './community-context.ts';
import { MembershipActions } from './membership-actions.tsx';

const tabs = [
  { to: '', label: 'About', end: true },
  { to: 'charter', label: 'Charter' },
  { to: 'members', label: 'Members' },
  { to: 'discussions', label: 'Discussions' },
  { to: 'meetings', label: 'Meetings' },
  { to: 'toolkit', label: 'Toolkit' },
];
/** Shown to the community's leaders and the coordinators only. */
const moderationTab = { to: 'moderation', label: 'Moderation', end: false };

function CommunityHeader(props: CommunityOutletContext & { moderates: boolean }) {
  const { community, viewer } = props.home;
  const archived = community.stage === 'archived';
  return (
    <Stack gap="md" mb="lg">
      <Anchor component={Link} to="/communities" size="sm" underline="hover">
        ← All communities
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
                Council or committee
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {memberCountText(community.memberCount)}
              {archived ? '' : ` · ${joinPolicyShort[community.joinPolicy]}`}
              {community.unit ? ` · ${community.unit.name}` : ''}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm" align="flex-start" wrap="wrap">
          {viewer.canManage ? (
            <Button component={Link} to={`/communities/${community.slug}/edit`} variant="default">
              Edit details
            </Button>
          ) : null}
          <MembershipActions home={props.home} />
        </Group>
      </Group>
      {archived ? (
        <Alert color="gray" variant="light" title="This community is archived">
          It is kept as a record of what it did: you can read everything, but nothing can change, and no one
          can join.
          {viewer.canChangeStage ? ' As a coordinator, you can bring it back by changing its stage.' : ''}
        </Alert>
      ) : null}
      <nav aria-label="Community sections" className="community-tabs">
        <ul>
          {[...tabs, ...(props.moderates ? [moderationTab] : [])].map((tab) => (
            <li key={tab.label}>
              <NavLink
                to={tab.to ? `/communities/${community.slug}/${tab.to}` : `/communities/${community.slug}`}
                end={tab.end}
                className="community-tab"
              >
                {tab.label}
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
  const { slug = '' } = useParams();
  const location = useLocation();
  const me = useMe();
  const home = useCommunityHome(slug);

  if (home.isPending) {
    return (
      <>
        <PageHeader title="Community" />
        <PageLoader />
      </>
    );
  }
  if (home.isError) {
    const missing =
      home.error instanceof ApiError && (home.error.status === 404 || home.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? 'Community not found' : 'Community'} />
        {missing ? (
          <EmptyState
            title="This community is not here"
            action={
              <Group justify="center" mt="sm">
                <Button component={Link} to="/communities" variant="light">
                  Browse communities
                </Button>
                {me.data === null ? (
                  <Button
                    component={Link}
                    to={`/signin?next=${encodeURIComponent(location.pathname)}`}
                    variant="default"
                  >
                    Sign in
                  </Button>
                ) : null}
              </Group>
            }
          >
            {me.data === null
              ? 'The link may be mistyped, or only signed-in people or members can see this community: sign in to try again.'
              : 'The link may be mistyped, or the community is private and you are not one of its members.'}
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
