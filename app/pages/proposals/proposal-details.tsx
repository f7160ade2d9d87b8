import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  audienceLabels,
  joinPolicyLabels,
  meetingFormatLabels,
  membershipRoleLabels,
  visibilityLabels,
} from '../../../common/enums.ts';
import type { Proposal } from '../../api/types.ts';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { TagList } from '../../components/tag-list.tsx';
import { LeadershipBadge } from './proposal-status.tsx';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <div className="detail-field">
      <Text component="dt" size="sm" fw={650}>
        {props.label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {props.children}
      </Text>
    </div>
  );
}

/** Free text as written (line breaks kept), or a quiet "Not said" when empty. */
function Written(props: { text: string }) {
  if (!props.text.trim()) {
    return (
      <Text span size="sm" c="dimmed">
        Not said
      </Text>
    );
  }
  return (
    <Text span size="sm" className="plain-text">
      {props.text}
    </Text>
  );
}

/** Everything the proposal says about the community it asks for. */
export function ProposalDetails(props: { proposal: Proposal }) {
  const { proposal } = props;
  return (
    <Card component="section" aria-labelledby="details-title">
      <Title order={2} size="h3" id="details-title" mb="md">
        The proposal
      </Title>
      <dl className="detail-list">
        <Field label="Purpose">
          <Written text={proposal.purpose} />
        </Field>
        <Field label="Objectives">
          <Written text={proposal.objectives} />
        </Field>
        <Field label="Intended members">
          <Written text={proposal.intendedMembers} />
        </Field>
        <Field label="Meeting plan">
          <Written text={proposal.meetingPlan} />
        </Field>
        <Field label="Support needed from the coordinators">
          <Written text={proposal.supportNeeded} />
        </Field>
        <Field label="Topics">
          {proposal.topics.length > 0 ? (
            <TagList label="Topics" tags={proposal.topics} size="md" />
          ) : (
            <Written text="" />
          )}
        </Field>
        <Field label="Audience and format">
          {audienceLabels[proposal.audience]} · {meetingFormatLabels[proposal.format]}
        </Field>
        <Field label="Home unit">{proposal.unit?.name ?? 'Institution-wide'}</Field>
        <Field label="Who can see it">{visibilityLabels[proposal.visibility]}</Field>
        <Field label="How people join">{joinPolicyLabels[proposal.joinPolicy]}</Field>
      </dl>
    </Card>
  );
}

/** The proposer (leader) and the invited co-leaders, each with their answer. */
export function LeadershipTeam(props: { proposal: Proposal }) {
  const { proposal } = props;
  return (
    <Card component="section" aria-labelledby="team-title">
      <Title order={2} size="h3" id="team-title" mb="sm">
        Leadership team
      </Title>
      <ul className="row-list" aria-label="Leadership team">
        {proposal.leaders.map((leader) => (
          <li key={leader.id}>
            <Group gap="sm" wrap="nowrap" py="xs" justify="space-between">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <PersonAvatar name={leader.displayName} photoUrl={null} size={36} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor
                    component={Link}
                    to={`/people/${leader.id}`}
                    size="sm"
                    fw={600}
                    c="forest.9"
                    underline="hover"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {leader.displayName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {leader.role === 'leader' ? 'Leader, proposer' : membershipRoleLabels.co_leader}
                  </Text>
                </Stack>
              </Group>
              {leader.role === 'co_leader' ? <LeadershipBadge status={leader.status} /> : null}
            </Group>
          </li>
        ))}
      </ul>
      {proposal.leaders.length === 1 ? (
        <Text size="xs" c="dimmed" mt="xs">
          No co-leaders invited.
        </Text>
      ) : null}
    </Card>
  );
}
