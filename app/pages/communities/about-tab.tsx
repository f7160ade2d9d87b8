import { useLingui } from '@lingui/react';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link } from 'react-router';
import {
  audienceMessages,
  charterSectionMessages,
  communityKindMessages,
  meetingFormatMessages,
  membershipRoleMessages,
  visibilityMessages,
} from '../../../common/enums.ts';
import { useMe } from '../../api/queries.ts';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { Prose } from '../../components/prose.tsx';
import { TagList } from '../../components/tag-list.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { monthYear } from '../../lib/dates.ts';
import { useCommunity } from './community-context.ts';

// Under the about card: the stage, its history and (for those who may) changing it, loaded after the page.
const StageSection = lazy(async () => ({ default: (await import('./stage-section.tsx')).StageSection }));

// The side column's next meetings: loaded after the page, with their badges (the first-load budget).
const UpcomingMeetingsCard = lazy(async () => ({
  default: (await import('../meetings/upcoming-meetings-card.tsx')).UpcomingMeetingsCard,
}));

// Below the fold in the side column: loaded after the page (the community page's first-load budget).
const SideCards = lazy(async () => ({ default: (await import('./side-cards.tsx')).SideCards }));

// For members only, below the fold: their email choice for this community (#16 §3), loaded lazily too.
const CommunityEmailCard = lazy(async () => ({
  default: (await import('../digests/community-email-card.tsx')).CommunityEmailCard,
}));

function Detail(props: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {props.term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
    </div>
  );
}

/** /communities/:slug: purpose, objectives, description, leaders, details and stage. */
export function AboutTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  const { community, leaders, charter } = home;
  // Each tab names the page: the community's own name here, "Charter · name" on the charter…
  useDocumentTitle(community.name);
  const me = useMe();
  const topicLink = (topic: string) => `/communities?topic=${encodeURIComponent(topic)}`;
  return (
    // Two columns from the md breakpoint (styles.css: .about-columns), one on phones.
    <div className="about-columns">
      <div>
        <Stack gap="lg">
          <Card component="section" aria-labelledby="purpose-title">
            <Title order={2} size="h3" mb="sm" id="purpose-title">
              {_('communities.about.purpose')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{community.purpose}</Text>
          </Card>
          <Card component="section" aria-labelledby="objectives-title">
            <Title order={2} size="h3" mb="sm" id="objectives-title">
              {_(charterSectionMessages.objectives)}
            </Title>
            <Prose html={charter?.sectionsHtml.objectives} empty={_('communities.about.noObjectives')} />
          </Card>
          <Card component="section" aria-labelledby="description-title">
            <Title order={2} size="h3" mb="sm" id="description-title">
              {_('communities.about.description')}
            </Title>
            <Prose html={community.descriptionHtml} empty={_('communities.about.noDescription')} />
            {community.intendedMembers.trim() ? (
              <>
                <Title order={3} size="h4" mt="md" mb={4}>
                  {_('communities.about.intendedMembers')}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {community.intendedMembers}
                </Text>
              </>
            ) : null}
            {community.meetingPlan.trim() ? (
              <>
                <Title order={3} size="h4" mt="md" mb={4}>
                  {_('communities.about.meetingPlan')}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {community.meetingPlan}
                </Text>
              </>
            ) : null}
          </Card>
        </Stack>
      </div>
      <div>
        <Stack gap="lg">
          <Suspense fallback={null}>
            <UpcomingMeetingsCard home={home} slug={slug} />
            <SideCards slug={slug} />
          </Suspense>
          {home.viewer.role ? (
            <Suspense fallback={null}>
              <CommunityEmailCard slug={slug} />
            </Suspense>
          ) : null}
          <Card component="section" aria-labelledby="leaders-title">
            <Title order={2} size="h3" mb="sm" id="leaders-title">
              {_('communities.about.leaders', { count: leaders.length })}
            </Title>
            {leaders.length === 0 ? (
              <Text size="sm" c="dimmed">
                {_('communities.about.noLeader')}
              </Text>
            ) : (
              <ul className="row-list" aria-labelledby="leaders-title">
                {leaders.map((leader) => (
                  <li key={leader.id}>
                    <Group gap="sm" wrap="nowrap" py={6}>
                      <PersonAvatar name={leader.displayName} photoUrl={leader.photoUrl} size={36} />
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        {me.data ? (
                          <Anchor component={Link} to={`/people/${leader.id}`} size="sm" fw={600}>
                            {leader.displayName}
                          </Anchor>
                        ) : (
                          <Text size="sm" fw={600}>
                            {leader.displayName}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {_(membershipRoleMessages[leader.role])}
                        </Text>
                      </Stack>
                    </Group>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card component="section" aria-labelledby="details-title">
            <Title order={2} size="h3" mb="sm" id="details-title">
              {_('communities.about.details')}
            </Title>
            <Stack component="dl" gap="sm" m={0}>
              <Detail term={_('communities.about.kind')}>{_(communityKindMessages[community.kind])}</Detail>
              <Detail term={_('communities.about.audience')}>
                {_(audienceMessages[community.audience])}
              </Detail>
              <Detail term={_('communities.about.format')}>
                {_(meetingFormatMessages[community.format])}
              </Detail>
              {community.unit ? (
                <Detail term={_('communities.about.unit')}>{community.unit.name}</Detail>
              ) : null}
              <Detail term={_('communities.about.visibility')}>
                {_(visibilityMessages[community.visibility])}
              </Detail>
              <Detail term={_('communities.about.started')}>{monthYear(community.createdAt)}</Detail>
            </Stack>
            {community.topics.length > 0 ? (
              <>
                <Title order={3} size="h4" mt="md" mb="xs">
                  {_('communities.about.topics')}
                </Title>
                <TagList
                  label={_('communities.about.topics')}
                  tags={community.topics}
                  size="md"
                  linkTo={topicLink}
                />
              </>
            ) : null}
          </Card>
          <Suspense fallback={null}>
            <StageSection home={home} />
          </Suspense>
        </Stack>
      </div>
    </div>
  );
}
