import { useLingui } from '@lingui/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { audienceMessages, communityKindMessages, meetingFormatMessages } from '../../../common/enums.ts';
import type { CommunityCard as CommunityCardData } from '../../api/types.ts';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { TagList } from '../../components/tag-list.tsx';
import { NextMeetingLine } from '../meetings/next-meeting-line.tsx';
import { joinPolicyShort, memberCountText, namesList, StageBadge } from './community-badges.tsx';

/**
 * One community in the directory: name, stage, purpose (matched words marked), leaders, size, how to
 * join, and its topics (each a link to the directory filtered by it).
 */
export function CommunityCard(props: { community: CommunityCardData; topicLink: (topic: string) => string }) {
  const { _ } = useLingui();
  const { community } = props;
  const headingId = `community-${community.id}`;
  const leaders = community.leaders.filter((l) => l.role === 'leader' || l.role === 'co_leader');
  const facts = [
    memberCountText(community.memberCount),
    community.stage === 'archived'
      ? _('communities.card.readOnly')
      : _(joinPolicyShort[community.joinPolicy]),
    _(meetingFormatMessages[community.format]),
    _('communities.card.audience', { audience: _(audienceMessages[community.audience]).toLowerCase() }),
    community.unit?.name,
  ].filter(Boolean);
  return (
    <Card component="article" h="100%" aria-labelledby={headingId}>
      <Stack gap="sm" h="100%">
        {/* The stage goes under the name when beside it a word of the name would be cut. */}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Title
            order={2}
            size="h3"
            id={headingId}
            style={{ overflowWrap: 'break-word', flex: '1 1 0', minWidth: 'min(100%, min-content)' }}
          >
            <Anchor
              component={Link}
              to={`/communities/${community.slug}`}
              inherit
              underline="hover"
              c="forest.9"
            >
              {community.name}
            </Anchor>
          </Title>
          <StageBadge stage={community.stage} size="sm" />
        </Group>
        {community.kind === 'council' ? (
          <Group gap="xs">
            <Badge color="blue" variant="light" tt="none" size="sm">
              {_(communityKindMessages.council)}
            </Badge>
          </Group>
        ) : null}
        {community.purposeHighlight ? (
          <Text
            size="sm"
            lineClamp={4}
            className="highlighted"
            // The server escapes the purpose and adds only <mark> around the matched words.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped on the server except <mark>
            dangerouslySetInnerHTML={{ __html: community.purposeHighlight }}
          />
        ) : (
          <Text size="sm" lineClamp={4}>
            {community.purpose}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {facts.join(' · ')}
        </Text>
        {community.nextMeeting ? <NextMeetingLine meeting={community.nextMeeting} /> : null}
        <div style={{ flexGrow: 1 }} />
        {leaders.length > 0 ? (
          <Group gap="xs" wrap="nowrap">
            {/* Side by side, never stacked over each other, and never squeezed by a long line of names. */}
            <Group
              gap={4}
              wrap="nowrap"
              aria-hidden="true"
              style={{ flexShrink: 0 }}
              className="leader-avatars"
            >
              {leaders.slice(0, 3).map((leader) => (
                <PersonAvatar
                  key={leader.id}
                  name={leader.displayName}
                  photoUrl={leader.photoUrl}
                  size={28}
                />
              ))}
            </Group>
            <Text size="sm" style={{ minWidth: 0 }}>
              {_('communities.card.ledBy', { names: namesList(leaders.map((l) => l.displayName)) })}
            </Text>
          </Group>
        ) : null}
        {community.topics.length > 0 ? (
          <TagList
            label={_('communities.card.topics', { name: community.name })}
            tags={community.topics.slice(0, 6)}
            size="sm"
            linkTo={props.topicLink}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
